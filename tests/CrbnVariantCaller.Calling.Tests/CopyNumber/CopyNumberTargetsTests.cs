using CrbnVariantCaller.Calling.CopyNumber;
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
        CopyNumberTarget[] exons = targets.Where(t => !t.IsControl).ToArray();
        Assert.Equal(11, exons.Length);
        Assert.All(exons, t => Assert.Equal($"CRBN_exon{t.CrbnExon}", t.Name));
        Assert.All(targets.Where(t => t.IsControl), t => Assert.DoesNotContain("CRBN", t.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void ModelTargetsArePaddedExonsAndControlsAwayFromTheGene()
    {
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);

        IReadOnlyList<CopyNumberTarget> targets = CopyNumberTargets.FromCrbnModel(crbn);

        foreach (Exon exon in crbn.Exons)
        {
            CopyNumberTarget t = Assert.Single(targets, t => t.CrbnExon == exon.Number);
            Assert.Equal(exon.Interval.Start.Value - CopyNumberTargets.ExonPadding, t.Interval.Start.Value);
            Assert.Equal(exon.Interval.End.Value + CopyNumberTargets.ExonPadding, t.Interval.End.Value);
        }

        CopyNumberTarget[] controls = targets.Where(t => t.IsControl).ToArray();
        Assert.True(controls.Length >= 20);
        Assert.All(controls, c =>
        {
            Assert.Equal(CopyNumberTargets.ControlWindowLength, c.Interval.Length);
            Assert.True(
                c.Interval.End.Value < crbn.Span.Start.Value - CopyNumberTargets.ControlExclusion ||
                c.Interval.Start.Value > crbn.Span.End.Value + CopyNumberTargets.ControlExclusion);
        });
        Assert.Equal(targets.OrderBy(t => t.Interval.Start.Value), targets);
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
