using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Bed;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>Targets from the panel BED and from the CRBN model.</summary>
public sealed class CopyNumberTargetsTests
{
    [Fact]
    public void PanelBedExonTargetsCarryTheExonTheirNameSays()
    {
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);
        IReadOnlyList<BedRecord> bed = BedReader.Read(CopyNumberWorld.PanelBed);

        IReadOnlyList<CopyNumberTarget> targets = CopyNumberTargets.FromIntervals(bed.Select(b => (b.Interval, b.Name)), crbn);

        Assert.Equal(bed.Count, targets.Count);
        CopyNumberTarget[] exons = targets.Where(t => t.CrbnExon is not null).ToArray();
        Assert.Equal(11, exons.Length);
        Assert.All(exons, t => Assert.Equal($"CRBN_exon{t.CrbnExon}", t.Name));
        Assert.All(targets.Where(t => t.CrbnExon is null), t => Assert.DoesNotContain("CRBN", t.Name, StringComparison.Ordinal));
        Assert.All(targets, t => Assert.Equal(BinKind.Target, t.Kind));
    }

    [Fact]
    public void ModelTargetsArePaddedExonsOnly()
    {
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);

        IReadOnlyList<CopyNumberTarget> targets = CopyNumberTargets.FromCrbnModel(crbn);

        Assert.Equal(11, targets.Count);
        foreach (Exon exon in crbn.Exons)
        {
            CopyNumberTarget t = Assert.Single(targets, t => t.CrbnExon == exon.Number);
            Assert.Equal(exon.Interval.Start.Value - CopyNumberTargets.ExonPadding, t.Interval.Start.Value);
            Assert.Equal(exon.Interval.End.Value + CopyNumberTargets.ExonPadding, t.Interval.End.Value);
        }

        Assert.Equal(targets.OrderBy(t => t.Interval.Start.Value), targets);
    }

    [Fact]
    public void TilesCoverTheContigOutsideTheTargetsAndTheirMargin()
    {
        var targets = new[]
        {
            new GenomicInterval("chr3", new Position(10_001), new Position(10_300)),
            new GenomicInterval("chr3", new Position(99_901), new Position(100_100)),
            new GenomicInterval("chr1", new Position(5_001), new Position(6_000)),
        };

        CopyNumberTarget[] tiles = CopyNumberTargets.Tile("chr3", 120_000, 50_000, BinKind.Antitarget, targets, margin: 200).ToArray();

        // A tile is cut around each target ± 200 ([1,9800] is under a quarter bin and dropped); the last tile is shorter.
        Assert.Equal(new[] { (10_501, 50_000), (50_001, 99_700), (100_301, 120_000) }, tiles.Select(t => (t.Interval.Start.Value, t.Interval.End.Value)));
        Assert.All(tiles, t => Assert.Equal(BinKind.Antitarget, t.Kind));
        Assert.All(tiles, t => Assert.Null(t.CrbnExon));

        // Pieces under a quarter bin are dropped.
        Assert.Empty(CopyNumberTargets.Tile("chr3", 10_000, 10_000, BinKind.Genome, [new GenomicInterval("chr3", new Position(2_001), new Position(10_000))]));
    }

    [Fact]
    public void BedErrorsNameTheLine()
    {
        string text = "chr3\t100\t200\tok\nchr3\t300\tx\n";
        BedFormatException e = Assert.Throws<BedFormatException>(() => BedReader.Read(new StringReader(text), "t.bed"));
        Assert.Equal(2, e.LineNumber);
        Assert.StartsWith("t.bed: line 2: end 'x'", e.ToUserMessage(), StringComparison.Ordinal);

        e = Assert.Throws<BedFormatException>(() => BedReader.Read(new StringReader("track name=x\nchr3\t500\t400\n"), "t.bed"));
        Assert.Equal(2, e.LineNumber);
    }
}
