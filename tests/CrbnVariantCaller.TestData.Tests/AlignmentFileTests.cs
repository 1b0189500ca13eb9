using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.TestData.Tests;

/// <summary>Every committed BAM is intact, indexed and carries real GRCh38 contigs and a read group per sample.</summary>
public sealed class AlignmentFileTests
{
    [Fact]
    public void ManifestListsDnaRnaAndDemoSamples()
    {
        Assert.Contains(SyntheticWorld.Manifest, r => r.Role == "demo_dna" && r.Sample == "DEEP_TUMOR");
        Assert.Contains(SyntheticWorld.Manifest, r => r.Role == "demo_rna" && r.Assay == "rna");
        Assert.True(SyntheticWorld.Bams.Count() >= 29, "every scenario sample is listed");
        Assert.All(SyntheticWorld.Manifest, r => Assert.True(File.Exists(SyntheticWorld.PathOf(r.File)), r.File));
    }

    [ToolFact("samtools")]
    public void EveryBamPassesQuickcheckAndHasAnIndex()
    {
        string[] bams = SyntheticWorld.Bams.Select(r => SyntheticWorld.PathOf(r.File)).ToArray();
        (int code, string stdout, string stderr) = ExternalTool.TryRun("samtools", ["quickcheck", "-v", .. bams]);
        Assert.True(code == 0, $"samtools quickcheck failed: {stdout}{stderr}");
        // The copy-number world's BAMs carry CSI indexes (a BAI's linear index over whole chromosomes is 224 kB each).
        Assert.All(bams, b => Assert.True(File.Exists(b + ".bai") || File.Exists(b + ".csi"), b + ".bai or .csi"));
    }

    [ToolFact("samtools")]
    public void HeadersCarryRealContigsAndTheSampleReadGroup()
    {
        string[] expectedSq = File.ReadAllLines(SyntheticWorld.Reference + ".fai")
            .Select(l => l.Split('\t')).Select(f => $"@SQ\tSN:{f[0]}\tLN:{f[1]}").ToArray();
        foreach (ManifestRow row in SyntheticWorld.Bams)
        {
            string[] header = ExternalTool.Run("samtools", "view", "-H", SyntheticWorld.PathOf(row.File)).Split('\n');
            Assert.Equal(expectedSq, header.Where(l => l.StartsWith("@SQ", StringComparison.Ordinal)));
            Assert.Contains(header, l => l.StartsWith("@HD", StringComparison.Ordinal) && l.Contains("SO:coordinate", StringComparison.Ordinal));
            string rg = Assert.Single(header, l => l.StartsWith("@RG", StringComparison.Ordinal));
            Assert.Contains($"\tSM:{row.Sample}", rg + "\t", StringComparison.Ordinal);
            Assert.Contains(header, l => l.StartsWith("@CO", StringComparison.Ordinal) && l.Contains("SYNTHETIC", StringComparison.Ordinal));
        }
    }

    [ToolFact("samtools")]
    public void ReadsLieInsideTheSequenceWindowsAtChromosomeCoordinates()
    {
        string bam = SyntheticWorld.PathOf("dna/deep_panel/DEEP_TUMOR.bam");
        string[] idx = ExternalTool.Run("samtools", "idxstats", bam).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        long chr3 = long.Parse(idx.Single(l => l.StartsWith("chr3\t", StringComparison.Ordinal)).Split('\t')[2]);
        long exon10 = long.Parse(ExternalTool.Run("samtools", "view", "-c", bam, "chr3:3152456-3152587").Trim());
        Assert.True(chr3 > 100_000, $"chr3 mapped reads {chr3}");
        Assert.True(exon10 > 3_000, $"deep tumour reads over exon 10: {exon10}");
        Assert.Equal("0", ExternalTool.Run("samtools", "view", "-c", bam, "chr3:1-3049999").Trim());
    }
}
