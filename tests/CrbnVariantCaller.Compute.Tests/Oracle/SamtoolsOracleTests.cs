using System.Globalization;
using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Compute.Tests.Oracle;

/// <summary>
/// The CPU reference (and so every backend, by parity) against samtools on real files.
/// Flag mapping: mpileup's defaults (<c>--ff UNMAP,SECONDARY,QCFAIL,DUP</c>, anomalous pairs skipped unless <c>-A</c>,
/// <c>-Q 13</c>, overlap removal on unless <c>-x</c>) are <see cref="ReadFilter.Default"/> with SkipAnomalousPairs = true,
/// MinBaseQuality = 13 and HandleOverlappingMates = true; <c>-B</c> because no reference is given (no BAQ), <c>-d</c> lifted.
/// samtools depth's defaults (<c>-G UNMAP,SECONDARY,QCFAIL,DUP</c>, no base-quality threshold, deletions only with <c>-J</c>)
/// are <see cref="ReadFilter.Default"/> with IncludeDeletions matching <c>-J</c>.
/// </summary>
public sealed class SamtoolsOracleTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Files => new()
    {
        { "real_rna_spliced/DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam", "chr21:9900000-10000000" },
        { "real_dna/covtobed_panel_01.hg19.bam", "chr17:41196000-41278000" },
        { "real_dna/cnvkit_NA12878.hg19.chrM.bam", "chrM:1-16571" },
        { "real_dna/igvjs_non_actg.bam", "chr1:246850000-246860000" },
    };

    [OracleFact("samtools")]
    public void Pileup_equals_samtools_mpileup()
    {
        foreach ((string file, string region) in Enumerate())
        {
            long fileTotal = 0;
            foreach ((string[] args, Func<ReferenceWindow, PileupRequest> make) in new (string[], Func<ReferenceWindow, PileupRequest>)[]
                     {
                         ([], w => new PileupRequest { Window = w, Filter = new ReadFilter { SkipAnomalousPairs = true } }),
                         (["-A", "-Q", "0", "-q", "20"], w => new PileupRequest
                         {
                             Window = w, MinBaseQuality = 0, Filter = new ReadFilter { MinMappingQuality = 20 },
                         }),
                         (["-x", "-Q", "25"], w => new PileupRequest
                         {
                             Window = w, MinBaseQuality = 25, HandleOverlappingMates = false, Filter = new ReadFilter { SkipAnomalousPairs = true },
                         }),
                     })
            {
                if (args.Length == 0 && file.Contains("chrM", StringComparison.Ordinal))
                {
                    // Known divergence (kernels/README.md): htslib 1.16 sometimes gives the summed quality to the
                    // later mate of a pair whose mates start at the same position; chrM:1 has such a pair.
                    output.WriteLine($"{file}: default overlap-handling comparison not run (documented divergence)");
                    continue;
                }

                SamText.Loaded loaded = SamText.Load(file, region);
                (int refId, int start, int end) = loaded.Resolve(region);
                end = Math.Min(end, loaded.Batch.EndsZeroBasedExclusive.ToArray().DefaultIfEmpty(start).Max() + 1);
                var window = new ReferenceWindow(refId, new Position(start), new Position(Math.Max(start, end)));
                PileupCounts ours = new CpuBackend().Pileup(loaded.Batch, make(window));
                int[] expected = new int[ours.Raw.Length];
                string text = ExternalTool.Run("samtools", ["mpileup", "-B", "-d", "10000000", "--reverse-del", .. args, "-r", region, loaded.Path]);
                foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    string[] f = line.Split('\t');
                    int offset = int.Parse(f[1], CultureInfo.InvariantCulture) - start;
                    if (offset >= 0 && offset < window.Length)
                    {
                        ParseBases(f[4], expected.AsSpan(offset * PileupCounts.ChannelsPerPosition, PileupCounts.ChannelsPerPosition));
                    }
                }

                int total = 0;
                for (int i = 0; i < expected.Length; i++)
                {
                    total += expected[i];
                    Assert.True(expected[i] == ours.Raw[i],
                        $"{file} mpileup {string.Join(' ', args)}: position {start + (i / 14)} channel {(PileupChannel)(i % 14 / 2)} strand {i % 2}: samtools {expected[i]}, ours {ours.Raw[i]}");
                }

                fileTotal += total;
                output.WriteLine($"{file} mpileup {string.Join(' ', args)}: {total} pileup entries identical");
            }

            Assert.True(fileTotal > 0, $"{file}: samtools reported nothing");
        }
    }

    [OracleFact("samtools")]
    public void Coverage_equals_samtools_depth()
    {
        foreach ((string file, string region) in Enumerate())
        {
            foreach ((string[] args, bool includeDeletions, int minMapq) in new[] { (Array.Empty<string>(), false, 0), (["-J", "-Q", "30"], true, 30) })
            {
                SamText.Loaded loaded = SamText.Load(file, region);
                (int refId, int start, int end) = loaded.Resolve(region);
                end = Math.Min(end, start + 300_000);
                var window = new ReferenceWindow(refId, new Position(start), new Position(end));
                CoverageResult ours = new CpuBackend().Coverage(loaded.Batch, new CoverageRequest
                {
                    Window = window, IncludeDeletions = includeDeletions, BinSize = 500, Filter = new ReadFilter { MinMappingQuality = minMapq },
                });
                string contig = region[..region.LastIndexOf(':')];
                string text = ExternalTool.Run("samtools", ["depth", "-a", .. args, "-r", $"{contig}:{start}-{end}", loaded.Path]);
                int[] expected = new int[window.Length];
                foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    string[] f = line.Split('\t');
                    expected[int.Parse(f[1], CultureInfo.InvariantCulture) - start] = int.Parse(f[2], CultureInfo.InvariantCulture);
                }

                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.True(expected[i] == ours.Depth[i], $"{file} depth {string.Join(' ', args)} at {start + i}: samtools {expected[i]}, ours {ours.Depth[i]}");
                }

                Assert.True(expected.Sum(x => (long)x) > 0, $"{file}: depth is all zero");
                Assert.Equal(expected.Sum(x => (long)x), ours.BinSums.Sum(x => (long)x));
            }
        }
    }

    [OracleFact("samtools")]
    public void Junctions_equal_a_cigar_walk_of_samtools_view()
    {
        foreach (string file in new[] { "real_rna_spliced/DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam", "real_rna_spliced/seqkit_ONT_cDNA_SIRV_spliced.bam", "real_rna_spliced/dupRadar_ENCODE_GM12878_RNAseq.hg19.bam" })
        {
            SamText.Loaded loaded = SamText.Load(file);
            const int minAnchor = 6;
            IReadOnlyList<JunctionCount> ours = new CpuBackend().Junctions(loaded.Batch, new JunctionRequest { MinAnchor = minAnchor });
            var expected = new Dictionary<(string, int, int, char), int>();
            string text = ExternalTool.Run("samtools", "view", "-F", "0x704", loaded.Path);
            foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] f = line.Split('\t');
                if (f[2] == "*" || f[5] == "*")
                {
                    continue;
                }

                char xs = f.Skip(11).Where(t => t.StartsWith("XS:A:", StringComparison.Ordinal)).Select(t => t[5]).DefaultIfEmpty('.').First();
                var ops = System.Text.RegularExpressions.Regex.Matches(f[5], @"(\d+)([MIDNSHP=X])")
                    .Select(m => (Len: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Op: m.Groups[2].Value[0])).ToList();
                int pos = int.Parse(f[3], CultureInfo.InvariantCulture); // 1-based
                for (int k = 0; k < ops.Count; k++)
                {
                    if (ops[k].Op == 'N')
                    {
                        int left = 0, right = 0;
                        for (int j = k - 1; j >= 0 && ops[j].Op != 'N'; j--) left += ops[j].Op is 'M' or '=' or 'X' ? ops[j].Len : 0;
                        for (int j = k + 1; j < ops.Count && ops[j].Op != 'N'; j++) right += ops[j].Op is 'M' or '=' or 'X' ? ops[j].Len : 0;
                        if (Math.Min(left, right) >= minAnchor)
                        {
                            var key = (f[2], pos, pos + ops[k].Len - 1, xs is '+' or '-' ? xs : '.');
                            expected[key] = expected.GetValueOrDefault(key) + 1;
                        }
                    }

                    if (ops[k].Op is 'M' or 'D' or 'N' or '=' or 'X')
                    {
                        pos += ops[k].Len;
                    }
                }
            }

            var actual = ours.ToDictionary(
                j => (loaded.ReferenceNames[j.ReferenceId], j.IntronStart.Value, j.IntronEnd.Value, j.Strand switch { Strand.Plus => '+', Strand.Minus => '-', _ => '.' }),
                j => j.Reads);
            Assert.True(expected.Count > 0, $"{file}: no junctions found by the CIGAR walk");
            Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
            output.WriteLine($"{file}: {expected.Count} junctions, {expected.Values.Sum()} reads identical");
        }
    }

    /// <summary>Adds one mpileup bases column to the 14 counters of a position.</summary>
    private static void ParseBases(string bases, Span<int> counters)
    {
        for (int i = 0; i < bases.Length; i++)
        {
            char c = bases[i];
            switch (c)
            {
                case '^': i++; break;
                case '$': case '>': case '<': break;
                case '*': counters[(int)PileupChannel.Deletion * 2]++; break;
                case '#': counters[((int)PileupChannel.Deletion * 2) + 1]++; break;
                case '.': counters[(int)PileupChannel.N * 2]++; break;
                case ',': counters[((int)PileupChannel.N * 2) + 1]++; break;
                case '+':
                case '-':
                    int j = i + 1, n = 0;
                    while (char.IsAsciiDigit(bases[j])) n = (n * 10) + (bases[j++] - '0');
                    if (c == '+')
                    {
                        string inserted = bases.Substring(j, n);
                        bool reverse = inserted.Any(char.IsAsciiLetterLower);
                        counters[((int)PileupChannel.Insertion * 2) + (reverse ? 1 : 0)]++;
                    }

                    i = j + n - 1;
                    break;
                default:
                    int channel = char.ToUpperInvariant(c) switch { 'A' => 0, 'C' => 1, 'G' => 2, 'T' => 3, _ => 4 };
                    counters[(channel * 2) + (char.IsAsciiLetterLower(c) ? 1 : 0)]++;
                    break;
            }
        }
    }

    private static IEnumerable<(string File, string Region)> Enumerate()
    {
        foreach (object[] row in Files)
        {
            yield return ((string)row[0], (string)row[1]);
        }
    }
}
