using CrbnVariantCaller.TestSupport;
using System.Globalization;
using CrbnVariantCaller.Formats.Bam;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>
/// Region queries through BAI and CSI against <c>samtools view --no-PG bam region</c>: at least 100 seeded random regions per
/// indexed corpus BAM, biased to read starts and ends, plus whole contigs, contigs without reads, open ends and <c>*</c>.
/// </summary>
public sealed class RegionQueryConformanceTests(ITestOutputHelper output)
{
    private const int RegionsPerFile = 100;
    private const int WholeContigLimit = 20_000;

    [CorpusTheory("samtools")]
    [MemberData(nameof(CorpusBams.Indexed), MemberType = typeof(CorpusBams))]
    public void Random_regions_select_the_same_records_as_samtools(string relativePath)
    {
        string bam = CorpusBams.FullPath(relativePath);
        int seed = StableSeed(relativePath);
        var rng = new Random(seed);
        using var reader = new BamReader(bam);
        SamHeader header = reader.Header;
        Survey survey = Survey.Of(bam);

        List<string> regions = MakeRegions(rng, header, survey);
        var formatter = new SamTextFormatter(header);
        long total = 0;
        foreach (string region in regions)
        {
            string[] expected = SamtoolsOracle.ViewRegion(bam, region);
            var got = new List<string>();
            foreach (BamRecord r in reader.Query(region))
            {
                got.Add(formatter.FormatLineString(r));
            }

            if (!expected.SequenceEqual(got))
            {
                string firstDiff = FirstDifference(expected, got);
                Assert.Fail($"{relativePath} region '{region}' (seed {seed}): samtools {expected.Length} records, ours {got.Count}; {firstDiff}");
            }

            total += got.Count;
        }

        output.WriteLine($"{relativePath}: {regions.Count} regions (seed {seed}) identical to samtools, {total} records in all");
    }

    [CorpusTheory("samtools")]
    [InlineData("real_rna_spliced/DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam", 12, 6)]
    [InlineData("real_dna/nimhts_HG02002.b37.chr6.bam", 16, 4)]
    [InlineData("parser_edge_cases/htslib-test-1.16/range.bam", 11, 3)]
    public void Csi_with_other_binning_selects_the_same_records_as_samtools(string relativePath, int minShift, int depth)
    {
        string tmp = Directory.CreateTempSubdirectory("crbn-csi-").FullName;
        try
        {
            string bam = Path.Combine(tmp, "copy.bam");
            File.Copy(CorpusBams.FullPath(relativePath), bam);
            TestSupport.ExternalTool.Run("samtools", "index", "-c", "-m", minShift.ToString(CultureInfo.InvariantCulture), bam);
            int seed = StableSeed(relativePath) ^ minShift;
            using var reader = new BamReader(bam);
            Assert.Equal(Formats.Bam.Index.BamIndexKind.Csi, reader.LoadIndex().Kind);
            Assert.Equal(minShift, reader.Index!.Scheme.MinShift);
            Assert.Equal(depth, reader.Index!.Scheme.Depth);
            var formatter = new SamTextFormatter(reader.Header);
            foreach (string region in MakeRegions(new Random(seed), reader.Header, Survey.Of(bam)))
            {
                string[] expected = SamtoolsOracle.ViewRegion(bam, region);
                string[] got = reader.Query(region).Select(formatter.FormatLineString).ToArray();
                Assert.True(expected.SequenceEqual(got), $"{relativePath} CSI -m {minShift} region '{region}' (seed {seed}): {FirstDifference(expected, [.. got])}");
            }
        }
        finally
        {
            Directory.Delete(tmp, recursive: true);
        }
    }

    [CorpusTheory("samtools")]
    [MemberData(nameof(CorpusBams.Indexed), MemberType = typeof(CorpusBams))]
    public void Explicit_index_path_gives_the_same_records_as_samtools_X(string relativePath)
    {
        string bam = CorpusBams.FullPath(relativePath);
        string index = CorpusBams.IndexOf(bam)!;
        using var reader = new BamReader(bam);
        reader.LoadIndex(index);
        SamHeader header = reader.Header;
        var formatter = new SamTextFormatter(header);
        Survey survey = Survey.Of(bam);
        int tid = survey.Counts.Where(kv => kv.Value <= WholeContigLimit).Select(kv => kv.Key).DefaultIfEmpty(-1).First();
        if (tid < 0)
        {
            return;
        }

        string region = Quote(header.References[tid].Name);
        string[] expected = SamtoolsOracle.ViewRegion(bam, region, index);
        string[] got = reader.Query(region).Select(formatter.FormatLineString).ToArray();
        Assert.Equal(expected, got);
    }

    private static List<string> MakeRegions(Random rng, SamHeader header, Survey survey)
    {
        var regions = new List<string>();
        int[] withReads = survey.Counts.Keys.Order().ToArray();
        int[] withoutReads = Enumerable.Range(0, header.References.Count).Where(t => !survey.Counts.ContainsKey(t)).ToArray();
        if (survey.HasUnplaced)
        {
            regions.Add("*");
        }

        foreach (int t in withReads.Where(t => survey.Counts[t] <= WholeContigLimit).Take(3))
        {
            regions.Add(Quote(header.References[t].Name));
        }

        foreach (int t in withoutReads.Take(3))
        {
            regions.Add(Quote(header.References[t].Name));
        }

        while (regions.Count < RegionsPerFile)
        {
            int kind = rng.Next(10);
            if (survey.Spans.Count == 0 || kind == 0)
            {
                int t = rng.Next(header.References.Count);
                int len = Math.Max(1, header.References[t].Length);
                int a = rng.Next(1, len + 1);
                int b = Math.Min(len, a + rng.Next(0, 20_000));
                regions.Add(Range(header, t, a, b));
                continue;
            }

            (int tid, int pos0, long end0) = survey.Spans[rng.Next(survey.Spans.Count)];
            int refLen = Math.Max(1, header.References[tid].Length);
            switch (kind)
            {
                case 1 or 2:
                {
                    // Region ending within a base or two of a read's first base.
                    int end = Math.Max(1, pos0 + 1 + rng.Next(-2, 3));
                    regions.Add(Range(header, tid, Math.Max(1, end - rng.Next(0, 300)), end));
                    break;
                }

                case 3 or 4:
                {
                    // Region starting within a base or two of a read's last base.
                    int start = (int)Math.Max(1, end0 + rng.Next(-2, 3));
                    regions.Add(Range(header, tid, start, start + rng.Next(0, 300)));
                    break;
                }

                case 5:
                    // Single base exactly at a read's start or end.
                    int at = (int)Math.Max(1, rng.Next(2) == 0 ? pos0 + 1 : end0);
                    regions.Add(Range(header, tid, at, at));
                    break;
                case 6:
                    if (survey.Counts[tid] <= WholeContigLimit)
                    {
                        regions.Add(string.Create(CultureInfo.InvariantCulture, $"{Quote(header.References[tid].Name)}:{Math.Max(1, pos0 + 1 - rng.Next(0, 1000))}"));
                    }

                    break;
                default:
                {
                    int start = Math.Max(1, pos0 + 1 - rng.Next(0, 5_000));
                    int end = Math.Min(Math.Max(start, refLen), start + rng.Next(0, 10_000));
                    regions.Add(Range(header, tid, start, Math.Max(start, end)));
                    break;
                }
            }
        }

        return regions;
    }

    private static string Range(SamHeader header, int tid, long start, long end) =>
        string.Create(CultureInfo.InvariantCulture, $"{Quote(header.References[tid].Name)}:{start}-{Math.Max(start, end)}");

    private static string Quote(string contig) => contig.Contains(':', StringComparison.Ordinal) ? "{" + contig + "}" : contig;

    private static string FirstDifference(string[] expected, List<string> got)
    {
        for (int i = 0; i < Math.Max(expected.Length, got.Count); i++)
        {
            string? e = i < expected.Length ? expected[i] : null;
            string? g = i < got.Count ? got[i] : null;
            if (e != g)
            {
                return $"first difference at line {i + 1}:\n samtools: {e ?? "(none)"}\n ours:     {g ?? "(none)"}";
            }
        }

        return "same lines";
    }

    private static int StableSeed(string name)
    {
        uint h = 2166136261;
        foreach (char c in name)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h & 0x7FFFFFFF);
    }

    /// <summary>Per-reference record counts and a sample of read spans, from one sequential pass.</summary>
    private sealed record Survey(Dictionary<int, int> Counts, List<(int Tid, int Pos0, long End0)> Spans, bool HasUnplaced)
    {
        public static Survey Of(string bam)
        {
            using var reader = new BamReader(bam);
            var counts = new Dictionary<int, int>();
            var spans = new List<(int, int, long)>();
            var rng = new Random(7);
            bool unplaced = false;
            long seen = 0;
            foreach (BamRecord r in reader.Records())
            {
                int tid = r.ReferenceId;
                if (tid < 0)
                {
                    unplaced = true;
                    continue;
                }

                counts[tid] = counts.GetValueOrDefault(tid) + 1;
                seen++;

                // Reservoir sample of 2,000 spans.
                if (spans.Count < 2000)
                {
                    spans.Add((tid, r.PositionZeroBased, r.ReferenceEndZeroBasedExclusive));
                }
                else if (rng.NextInt64(seen) < 2000)
                {
                    spans[rng.Next(2000)] = (tid, r.PositionZeroBased, r.ReferenceEndZeroBasedExclusive);
                }
            }

            return new Survey(counts, spans, unplaced);
        }
    }
}
