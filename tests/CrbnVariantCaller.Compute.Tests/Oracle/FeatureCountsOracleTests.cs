using System.Globalization;
using System.Text;
using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Compute.Tests.Oracle;

/// <summary>
/// The feature-count kernel against featureCounts on the same GTF (written to a temp dir): genes with 1–4 exons on
/// both strands, overlapping each other, placed where the file has reads.
/// </summary>
public sealed class FeatureCountsOracleTests(ITestOutputHelper output)
{
    [OracleFact("samtools", "featureCounts")]
    public void Gene_counts_equal_featureCounts()
    {
        Check("real_rna_spliced/dupRadar_ENCODE_GM12878_RNAseq.hg19.bam", fragments: false);
        Check("real_rna_spliced/DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam", fragments: false, pairedInput: true);
        Check("real_rna_spliced/DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam", fragments: true, pairedInput: true);
    }

    private void Check(string file, bool fragments, bool pairedInput = false)
    {
        SamText.Loaded loaded = SamText.Load(file);
        string dir = Directory.CreateTempSubdirectory("crbn-fc-").FullName;
        try
        {
            (string gtf, List<FeatureInterval> features, int genes) = WriteGtf(loaded, Path.Combine(dir, "genes.gtf"));
            var index = new FeatureIndex(features, genes);
            foreach (Strandedness mode in Enum.GetValues<Strandedness>())
            {
                string outFile = Path.Combine(dir, $"counts{(int)mode}.txt");
                var args = new List<string> { "-a", gtf, "-o", outFile, "-s", ((int)mode).ToString(CultureInfo.InvariantCulture), "-T", "1" };
                if (pairedInput)
                {
                    args.Add("-p"); // featureCounts 2.0.3 refuses paired input without it; alone it counts reads
                }

                if (fragments)
                {
                    args.Add("--countReadPairs");
                }

                args.Add(loaded.Path);
                ExternalTool.Run("featureCounts", [.. args]);
                long[] expected = new long[genes];
                foreach (string line in File.ReadLines(outFile).Skip(2))
                {
                    string[] f = line.Split('\t');
                    expected[int.Parse(f[0].AsSpan(1), CultureInfo.InvariantCulture)] = long.Parse(f[^1], CultureInfo.InvariantCulture);
                }

                Dictionary<string, long> summary = File.ReadLines(outFile + ".summary").Skip(1)
                    .Select(l => l.Split('\t')).ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture));
                FeatureCountResult ours = new CpuBackend().FeatureCounts(loaded.Batch, index, new FeatureCountRequest { Strandedness = mode, CountFragments = fragments });
                Assert.True(expected.Sum() > 0, $"{file}: featureCounts assigned nothing");
                Assert.Equal(summary["Assigned"], ours.Assigned);
                Assert.Equal(summary["Unassigned_Ambiguity"], ours.Summary.GetValueOrDefault(FeatureAssignment.Ambiguous));
                Assert.Equal(summary["Unassigned_NoFeatures"], ours.Summary.GetValueOrDefault(FeatureAssignment.NoFeatures));
                Assert.Equal(summary["Unassigned_MultiMapping"], ours.Summary.GetValueOrDefault(FeatureAssignment.MultiMapping));
                Assert.Equal(expected, ours.GeneCounts);
                output.WriteLine($"{file} -s {(int)mode}{(fragments ? " -p --countReadPairs" : "")}: {ours.Assigned} assigned, identical per gene");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (string Path, List<FeatureInterval> Features, int Genes) WriteGtf(SamText.Loaded loaded, string path)
    {
        var rng = new Random(20240611);
        var features = new List<FeatureInterval>();
        var sb = new StringBuilder();
        ReadOnlySpan<int> starts = loaded.Batch.StartsZeroBased;
        ReadOnlySpan<int> refs = loaded.Batch.ReferenceIds;
        int gene = 0;
        for (int r = 0; r < loaded.Batch.Count; r += Math.Max(1, loaded.Batch.Count / 60))
        {
            if (refs[r] < 0)
            {
                continue;
            }

            Strand strand = rng.Next(2) == 0 ? Strand.Plus : Strand.Minus;
            int exonStart = Math.Max(1, starts[r] - rng.Next(0, 400));
            for (int e = 0; e < rng.Next(1, 5); e++)
            {
                int length = rng.Next(50, 600);
                var f = new FeatureInterval(refs[r], new Position(exonStart), new Position(exonStart + length - 1), strand, gene);
                features.Add(f);
                sb.Append(CultureInfo.InvariantCulture, $"{loaded.ReferenceNames[refs[r]]}\ttest\texon\t{f.Start.Value}\t{f.End.Value}\t.\t{(strand == Strand.Plus ? '+' : '-')}\t.\tgene_id \"g{gene}\"; transcript_id \"t{gene}\";\n");
                exonStart += length + rng.Next(-100, 800);
                exonStart = Math.Max(1, exonStart);
            }

            gene++;
        }

        File.WriteAllText(path, sb.ToString());
        return (path, features, gene);
    }
}
