using System.Globalization;
using System.Text.RegularExpressions;
using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.Splicing;

/// <summary>
/// The analyzer's junction listing on real spliced RNA BAMs (TopHat2, ENCODE, minimap2 ONT) equals an independent count
/// from <c>samtools view</c> text: a CIGAR walk over N operations with the same rules (primary, not QC-failed or
/// duplicate, unique = NH:i:1 or MAPQ ≥ 10 without NH, anchor ≥ 8 aligned bases each side, strand from XS:A).
/// (igvjs_gstt1_sample.hg19.tophat.bam is left out: it has no spliced read.)
/// </summary>
public sealed partial class CorpusJunctionTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => new()
    {
        "real_rna_spliced/DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam",
        "real_rna_spliced/DegNorm_SRR873834.hg19.chr21_9.9-10.0Mb.bam",
        "real_rna_spliced/DegNorm_SRR873838.hg19.chr21_9.9-10.0Mb.bam",
        "real_rna_spliced/dupRadar_ENCODE_GM12878_RNAseq.hg19.bam",
        "real_rna_spliced/seqkit_ONT_cDNA_SIRV_spliced.bam",
    };

    [CorpusTheory("samtools")]
    [MemberData(nameof(Files))]
    public void Junction_listing_equals_a_cigar_walk_of_samtools_view(string file)
    {
        string path = Path.Combine(RepoPaths.Corpus, file);
        SplicingOptions options = SplicingOptions.Default;
        var (batch, names) = RnaBams.LoadAll(path);
        using var engine = CpuCompute.Engine();
        IReadOnlyList<JunctionCount> ours = engine.ListJunctions(new CrbnSplicingAnalyzer(options), batch, Strandedness.Unstranded);

        Dictionary<(string, int, int, char), int> expected = ReferenceCount(path, options);
        var actual = ours.ToDictionary(
            j => (names[j.ReferenceId], j.IntronStart.Value, j.IntronEnd.Value, j.Strand switch { Strand.Plus => '+', Strand.Minus => '-', _ => '.' }),
            j => j.Reads);
        output.WriteLine($"{file}: samtools walk {expected.Count} junctions / {expected.Values.Sum()} reads; ours {actual.Count} / {actual.Values.Sum()}");
        Assert.True(expected.Count > 0, $"{file}: the reference walk found no junction");
        Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
    }

    /// <summary>The reference count, written independently of the library: parse SAM text, walk the CIGAR string.</summary>
    private static Dictionary<(string, int, int, char), int> ReferenceCount(string path, SplicingOptions options)
    {
        var counts = new Dictionary<(string, int, int, char), int>();
        // -F 0xF04: unmapped, secondary, QC-failed, duplicate, supplementary.
        string sam = ExternalTool.Run("samtools", "view", "-F", "0xF04", path);
        foreach (string line in sam.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            if (f[2] == "*" || f[5] == "*" || !f[5].Contains('N', StringComparison.Ordinal))
            {
                continue;
            }

            int mapq = int.Parse(f[4], CultureInfo.InvariantCulture);
            string? nh = f.Skip(11).FirstOrDefault(t => t.StartsWith("NH:i:", StringComparison.Ordinal));
            bool unique = nh is not null ? int.Parse(nh[5..], CultureInfo.InvariantCulture) == 1 : mapq >= options.UniqueMappingQuality;
            if (!unique || mapq < options.MinMappingQuality)
            {
                continue;
            }

            char xs = f.Skip(11).Where(t => t.StartsWith("XS:A:", StringComparison.Ordinal)).Select(t => t[5]).DefaultIfEmpty('.').First();
            var ops = CigarPattern().Matches(f[5])
                .Select(m => (Len: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Op: m.Groups[2].Value[0]))
                .ToList();
            int pos = int.Parse(f[3], CultureInfo.InvariantCulture);
            for (int k = 0; k < ops.Count; k++)
            {
                if (ops[k].Op == 'N')
                {
                    int left = 0;
                    int right = 0;
                    for (int j = k - 1; j >= 0 && ops[j].Op != 'N'; j--)
                    {
                        left += ops[j].Op is 'M' or '=' or 'X' ? ops[j].Len : 0;
                    }

                    for (int j = k + 1; j < ops.Count && ops[j].Op != 'N'; j++)
                    {
                        right += ops[j].Op is 'M' or '=' or 'X' ? ops[j].Len : 0;
                    }

                    if (Math.Min(left, right) >= options.MinAnchor)
                    {
                        var key = (f[2], pos, pos + ops[k].Len - 1, xs is '+' or '-' ? xs : '.');
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }

                if (ops[k].Op is 'M' or 'D' or 'N' or '=' or 'X')
                {
                    pos += ops[k].Len;
                }
            }
        }

        return counts;
    }

    [GeneratedRegex(@"(\d+)([MIDNSHP=X])")]
    private static partial Regex CigarPattern();
}
