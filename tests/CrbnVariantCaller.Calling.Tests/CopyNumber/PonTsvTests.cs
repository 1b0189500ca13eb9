using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Formats.Pon;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>The panel-of-normals TSV: a panel built from the testdata normals survives a write/read, and broken files name the line.</summary>
public sealed class PonTsvTests(CopyNumberWorld world) : IClassFixture<CopyNumberWorld>
{
    [Fact]
    public void PanelRoundTripsThroughTheTsv()
    {
        PanelOfNormals panel = world.Panel(CopyNumberWorld.NormalNames);
        PanelOfNormalsTable table = CopyNumberAnalysis.ToTable(panel, "GRCh38");
        var text = new StringWriter();
        PonTsv.Write(table, text);

        PanelOfNormalsTable read = PonTsv.Read(new StringReader(text.ToString()), "pon.tsv");

        Assert.Equal(table.Normals, read.Normals);
        Assert.Equal("GRCh38", read.GenomeBuild);
        Assert.Equal(table.Targets.Count, read.Targets.Count);
        for (int i = 0; i < read.Targets.Count; i++)
        {
            Assert.Equal(table.Targets[i].Interval, read.Targets[i].Interval);
            Assert.Equal(table.Targets[i].CrbnExon, read.Targets[i].CrbnExon);
            Assert.Equal(table.Targets[i].Log2, read.Targets[i].Log2, 5);
            Assert.Equal(table.Targets[i].Depth, read.Targets[i].Depth, 3);
            Assert.Equal(table.Targets[i].Kind, read.Targets[i].Kind);
            Assert.Equal(table.Targets[i].Gc, read.Targets[i].Gc, 5);
        }

        Assert.Equal(table.ReadLength, read.ReadLength);
        Assert.Equal(table.TargetDepth, read.TargetDepth, 3);
        Assert.Equal(table.NormalNoise, read.NormalNoise, 3);

        // BED-style columns: the first panel_targets.bed line appears verbatim as the first four columns, then the kind.
        string firstBedLine = File.ReadLines(CopyNumberWorld.PanelBed).First();
        Assert.Contains("\n" + firstBedLine + "\ttarget\t.\t", text.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chrom\tstart\tend\n", 1, "##crbn-pon=3")]
    [InlineData("##crbn-pon=1\n##genome_build=GRCh38\n##normals=a,b\nchrom\tstart\tend\tname\tcrbn_exon\tlog2\tspread\tdepth\n", 4, "version 1 is not supported")]
    [InlineData("##crbn-pon=2\n##genome_build=GRCh38\n##normals=a,b\nchrom\tstart\tend\tname\tkind\tcrbn_exon\tgc\tlog2\tspread\tdepth\n", 4, "version 2 is not supported")]
    [InlineData("##crbn-pon=3\n##genome_build=GRCh38\n##normals=a,b\nchrom\tstart\tend\tname\tkind\tcrbn_exon\tgc\tlog2\tspread\tdepth\nchr3\t10\t20\tx\ttarget\t.\t0.4\tNaN\t0.1\t50\n", 5, "log2 'NaN'")]
    [InlineData("##crbn-pon=3\n##genome_build=GRCh38\n##normals=a,b\nchrom\tstart\tend\tname\tkind\tcrbn_exon\tgc\tlog2\tspread\tdepth\nchr3\t10\t20\tx\ttarget\t.\t0.4\t0.1\t0.1\t50\nchr3\t30\t20\ty\ttarget\t3\t0.4\t0.1\t0.1\t50\n", 6, "end 20 is not after start 30")]
    [InlineData("##crbn-pon=3\n##genome_build=GRCh38\n##normals=a,b\nchrom\tstart\tend\tname\tkind\tcrbn_exon\tgc\tlog2\tspread\tdepth\nchr3\t10\t20\tx\n", 5, "expected 10 tab-separated columns, found 4")]
    [InlineData("##crbn-pon=3\n##genome_build=GRCh38\n##normals=a,b\nchrom\tstart\tend\tname\tkind\tcrbn_exon\tgc\tlog2\tspread\tdepth\nchr3\t10\t20\tx\tbait\t.\t0.4\t0.1\t0.1\t50\n", 5, "kind 'bait'")]
    public void BrokenPanelNamesTheLine(string text, int line, string problem)
    {
        PonFormatException e = Assert.Throws<PonFormatException>(() => PonTsv.Read(new StringReader(text), "pon.tsv"));
        Assert.Equal(line, e.LineNumber);
        Assert.Contains($"pon.tsv: line {line}: ", e.ToUserMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
