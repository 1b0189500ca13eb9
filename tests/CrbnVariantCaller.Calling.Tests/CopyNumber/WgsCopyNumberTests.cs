using System.Text.Json;
using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Pipeline.CopyNumber;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>
/// Whole-genome copy number on SYNTHETIC 40x WGS generated at test time (<see cref="WgsCopyNumberWorld"/>): a one-copy
/// 3p deletion far past the gene at purity 0.4 and 0.3 is a hemizygous loss, a copy-neutral LOH is found from the
/// B-allele frequency of the SNPs around CRBN (WGS reads them over the CRBN contig's 5 Mb, not only the gene), a
/// neutral tumour is neutral; log2 within 0.05 of the design and purity within 0.1 where the BAF is informative.
/// </summary>
public sealed class WgsCopyNumberTests(WgsCopyNumberWorld world, ITestOutputHelper output) : IClassFixture<WgsCopyNumberWorld>
{
    /// <summary>|log2 − design| allowed where the copy number over the gene is uniform (issue #12's target).</summary>
    private const double Log2Tolerance = 0.05;

    private const double PurityTolerance = 0.1;

    /// <summary>Breakpoints to bin resolution (10-kb genome bins; the BAF's SNPs are 100 kb apart).</summary>
    private const int BreakpointTolerance = 100_000;

    [ToolTheory("samtools", "python3")]
    [InlineData("WGS_DEL3P_P40")]
    [InlineData("WGS_DEL3P_P30")]
    public void DeletionFarPastTheGeneIsAHemizygousLoss(string sample)
    {
        JsonElement truth = world.Truth(sample);
        CrbnCopyNumberCall call = world.Call(sample);
        Report(sample, call);

        Assert.Equal(CopyNumberCallState.HemizygousLoss, call.State);
        Assert.InRange(Math.Abs(call.Log2Ratio!.Value - truth.GetProperty("expected_crbn_log2").GetDouble()), 0, Log2Tolerance);
        (int start, int end) = Bounds(truth);
        Assert.InRange(call.Segment!.Start, start - BreakpointTolerance, start + BreakpointTolerance);
        Assert.InRange(call.Segment.End, end - BreakpointTolerance, end + BreakpointTolerance);
        Assert.Equal(Enumerable.Range(1, 11), call.ExonsAffected);

        // The BAF over the deleted segment is informative and shows the lost allele.
        Assert.True(call.SegmentImbalance!.Sites >= 10, $"{call.SegmentImbalance.Sites} heterozygous SNPs in the segment");
        Assert.True(call.Loh);
        Assert.InRange(call.SegmentImbalance.MinorFraction, truth.GetProperty("expected_minor_baf").GetDouble() - 0.05, truth.GetProperty("expected_minor_baf").GetDouble() + 0.05);
        Assert.Equal("estimated", call.PuritySource);
        Assert.InRange(call.Purity!.Value, truth.GetProperty("purity").GetDouble() - PurityTolerance, truth.GetProperty("purity").GetDouble() + PurityTolerance);
        Assert.Equal(1, call.Copies);
        Assert.Equal(0, call.MinorCopies);
    }

    [ToolFact("samtools", "python3")]
    public void CopyNeutralLohIsFoundFromTheBafAroundCrbn()
    {
        JsonElement truth = world.Truth("WGS_CNLOH");
        CrbnCopyNumberCall call = world.Call("WGS_CNLOH");
        Report("WGS_CNLOH", call);

        Assert.Equal(CopyNumberCallState.CopyNeutralLoh, call.State);
        Assert.True(call.Loh);
        Assert.InRange(call.Log2Ratio!.Value, -Log2Tolerance, Log2Tolerance);
        Assert.Empty(call.ExonsAffected);
        (int start, int end) = Bounds(truth);
        Assert.InRange(call.Segment!.Start, start - BreakpointTolerance, start + BreakpointTolerance);
        Assert.InRange(call.Segment.End, end - BreakpointTolerance, end + BreakpointTolerance);
        Assert.InRange(call.SegmentImbalance!.MinorFraction, truth.GetProperty("expected_minor_baf").GetDouble() - 0.05, truth.GetProperty("expected_minor_baf").GetDouble() + 0.05);
        Assert.Equal("estimated", call.PuritySource);
        Assert.InRange(call.Purity!.Value, truth.GetProperty("purity").GetDouble() - PurityTolerance, truth.GetProperty("purity").GetDouble() + PurityTolerance);
        Assert.Equal(2, call.Copies);
        Assert.Equal(0, call.MinorCopies);

        // Sites were read along the CRBN contig on both sides of the event, not only at the gene (see the bound below).
        Assert.Contains(call.HetSites, h => h.Position < start);
        Assert.Contains(call.HetSites, h => h.Position > end);
    }

    [ToolFact("samtools", "python3")]
    public void NeutralTumourIsNeutralWithBalancedAlleles()
    {
        CrbnCopyNumberCall call = world.Call("WGS_NEUTRAL");
        Report("WGS_NEUTRAL", call);

        Assert.Equal(CopyNumberCallState.Neutral, call.State);
        Assert.InRange(call.Log2Ratio!.Value, -Log2Tolerance, Log2Tolerance);
        Assert.True(call.SegmentImbalance!.Sites >= 10, $"{call.SegmentImbalance.Sites} heterozygous SNPs in the segment");
        Assert.False(call.Loh);
        Assert.Empty(call.ExonsAffected);
    }

    /// <summary>The WGS BAF regions: 250-kb blocks over the gene's midpoint ± 2.5 Mb, clipped to the contig; a panel keeps its targets.</summary>
    [Fact]
    public void WholeGenomeBafIsReadOverABoundedStretchOfTheCrbnContig()
    {
        // A chr3 that ends 1.5 Mb past the gene: the stretch is clipped there.
        var header = new SamHeader(string.Empty, [new SamReference("chr1", 248_956_422), new SamReference("chr3", 4_700_000)]);
        CopyNumberTarget exon(int start, int end, int number) => new(new GenomicInterval("chr3", new Position(start), new Position(end)), $"CRBN_exon{number}", number, BinKind.Target);
        CopyNumberTarget genome(string contig, int start) => new(new GenomicInterval(contig, new Position(start), new Position(start + 9_999)), $"{contig}:{start}", null, BinKind.Genome);
        CopyNumberTarget[] wgs = [genome("chr1", 1), exon(3_149_483, 3_151_195, 11), exon(3_179_471, 3_179_867, 1), genome("chr3", 3_150_001)];

        IReadOnlyList<GenomicInterval> regions = HetSiteCollector.Regions(wgs, header, CopyNumberOptions.Default);

        Assert.All(regions, r => Assert.Equal("chr3", r.Contig));
        Assert.Equal(((3_149_483 + 3_179_867) / 2) - 2_500_000, regions[0].Start.Value);
        Assert.Equal(4_700_000, regions[^1].End.Value);
        Assert.All(regions, r => Assert.True(r.Length <= HetSiteCollector.BlockLength));
        Assert.True(regions.Zip(regions.Skip(1)).All(p => p.Second.Start.Value == p.First.End.Value + 1), "contiguous blocks");

        CopyNumberTarget wide = new(new GenomicInterval("chr1", new Position(1), new Position(200_000)), "arm", null, BinKind.Target);
        CopyNumberTarget antitarget = new(new GenomicInterval("chr1", new Position(300_001), new Position(350_000)), "off", null, BinKind.Antitarget);
        CopyNumberTarget[] panel = [wide, exon(3_149_483, 3_151_195, 11), antitarget];
        Assert.Equal([panel[1].Interval], HetSiteCollector.Regions(panel, header, CopyNumberOptions.Default));
    }

    private void Report(string sample, CrbnCopyNumberCall call) =>
        output.WriteLine($"{sample}: {call.State} ({call.Reasoning}) log2 {call.Log2Ratio:0.###} segment {call.Segment?.Start}-{call.Segment?.End} ({call.Segment?.Bins} bins) BAF sites {call.SegmentImbalance?.Sites} minor {call.SegmentImbalance?.MinorFraction:0.###} purity {call.Purity} ({call.PuritySource}); fixture: simulate {world.Seconds.Simulate:0.0} s, pon + calls {world.Seconds.Call:0.0} s");

    private static (int Start, int End) Bounds(JsonElement truth)
    {
        string[] range = truth.GetProperty("segment").GetString()!.Split(':')[1].Split('-');
        return (int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
