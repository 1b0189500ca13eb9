using CrbnVariantCaller.Calling.CopyNumber;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>
/// The hybrid-capture scenarios of testdata/dna/copy_number_hybrid (SYNTHETIC): targets plus off-target reads over
/// chr3 2.0–4.5 Mb and six background windows, a panel of five normals one of which is an outlier. Each tumour gets its
/// designed state and log2; a 1.6-Mb deletion reaching far past any window near CRBN is found at purity 0.4 and 0.3
/// with its breakpoints; copy-neutral LOH is found from the B-allele frequency alone; purity comes from BAF and depth.
/// </summary>
public sealed class HybridCopyNumberTests(CopyNumberWorld world) : IClassFixture<CopyNumberWorld>
{
    /// <summary>
    /// Allowed |log2 − design| of the CRBN call where the copy number over the gene is uniform: issue 12's target
    /// (bench/cnv/replicates.md: replicate SDs of 0.01–0.025 at 200x on target).
    /// </summary>
    private const double Log2Tolerance = 0.05;

    /// <summary>
    /// Allowed |log2 − design| of an exon-level call (both copies or one of exons 10–11 lost at purity 0.8): the log2 of
    /// the reads over two exons against the panel, with a reported SE of ~0.07 per exon (the two-copy loss: replicate
    /// SD 0.04, largest error 0.12).
    /// </summary>
    private const double ExonLevelLog2Tolerance = 0.15;

    /// <summary>Allowed |purity estimate − design| where the BAF is informative.</summary>
    private const double PurityTolerance = 0.1;

    /// <summary>Breakpoints are found to bin resolution (50-kb off-target bins, 100-kb SNP backbone).</summary>
    private const int BreakpointTolerance = 150_000;

    public static TheoryData<string> Tumours => new()
    {
        "CNH_DEL3P_P40", "CNH_DEL3P_P30", "CNH_DEL3P_P25", "CNH_CNLOH", "CNH_FOCAL_E10_11", "CNH_PARTIAL_E10_11", "CNH_GAIN", "CNH_GC_BIAS",
    };

    private PanelOfNormals Panel => world.HybridPanel(CopyNumberWorld.HybridNormals);

    [Theory]
    [MemberData(nameof(Tumours))]
    public void TumourGetsItsDesignedStateAndLog2(string sample)
    {
        HybridTruth truth = HybridTruth.For(sample);

        CrbnCopyNumberCall call = Call(sample);

        Assert.Equal(State(truth.State), call.State);
        double tolerance = truth.ExonsAffected.Length is > 0 and < 11 ? ExonLevelLog2Tolerance : Log2Tolerance;
        Assert.InRange(call.Log2Ratio!.Value, truth.ExpectedLog2 - tolerance, truth.ExpectedLog2 + tolerance);
        Assert.Equal(truth.ExonsAffected, call.ExonsAffected);
        Assert.Equal(11, call.Exons.Count);
        Assert.Equal("tumour", call.HetSource);
    }

    [Theory]
    [InlineData("CNH_DEL3P_P40")]
    [InlineData("CNH_DEL3P_P30")]
    public void DeletionFarPastTheGeneIsAHemizygousLossWithItsBreakpoints(string sample)
    {
        HybridTruth truth = HybridTruth.For(sample);
        (int start, int end) = truth.Bounds!.Value;

        CrbnCopyNumberCall call = Call(sample);

        Assert.Equal(CopyNumberCallState.HemizygousLoss, call.State);
        CopyNumberSegment segment = call.Segment!;
        Assert.InRange(segment.Start, start - BreakpointTolerance, start + BreakpointTolerance);
        Assert.InRange(segment.End, end - BreakpointTolerance, end + BreakpointTolerance);
        Assert.True(segment.Bins >= 30, $"{segment.Bins} bins");

        // The flanks on either side are neutral: the deletion did not move the reference.
        Assert.Contains(call.Segments, s => s.End < segment.Start && Math.Abs(s.Log2) < 0.15);
        Assert.Contains(call.Segments, s => s.Start > segment.End && Math.Abs(s.Log2) < 0.15);

        Assert.Equal("estimated", call.PuritySource);
        Assert.InRange(call.Purity!.Value, truth.Purity - PurityTolerance, truth.Purity + PurityTolerance);
        Assert.Equal(1, call.Copies);
        Assert.InRange(call.EstimatedCopies!.Value, 0.6, 1.4);
    }

    [Fact]
    public void CopyNeutralLohIsFoundFromTheBafWithoutADepthChange()
    {
        HybridTruth truth = HybridTruth.For("CNH_CNLOH");
        (int start, int end) = truth.Bounds!.Value;

        CrbnCopyNumberCall call = Call("CNH_CNLOH");

        Assert.Equal(CopyNumberCallState.CopyNeutralLoh, call.State);
        Assert.True(call.Loh);
        Assert.InRange(call.Log2Ratio!.Value, -0.1, 0.1);
        Assert.InRange(call.SegmentImbalance!.MinorFraction, truth.ExpectedMinorBaf - 0.05, truth.ExpectedMinorBaf + 0.05);
        Assert.InRange(call.Segment!.Start, start - BreakpointTolerance, start + BreakpointTolerance);
        Assert.InRange(call.Segment.End, end - BreakpointTolerance, end + BreakpointTolerance);
        Assert.InRange(call.Purity!.Value, truth.Purity - PurityTolerance, truth.Purity + PurityTolerance);
        Assert.Equal(2, call.Copies);
        Assert.Equal(0, call.MinorCopies);
    }

    [Fact]
    public void BalancedTumourHasNoLoh()
    {
        CrbnCopyNumberCall call = Call("CNH_GC_BIAS");

        Assert.Equal(CopyNumberCallState.Neutral, call.State);
        Assert.False(call.Loh);
        Assert.InRange(call.SegmentImbalance!.MinorFraction, 0.45, 0.5);
    }

    /// <summary>
    /// Purity is not estimable from a balanced sample: a depth-only change where there are no SNPs (chr8's reads scaled
    /// by 1.3 and its SNPs withheld, as where a panel has none; the kind of spurious segment residual GC bias leaves)
    /// gives no purity, with the reason, because depth alone trades purity against copies; the CRBN call stays neutral.
    /// </summary>
    [Fact]
    public void DepthOnlyChangeOfABalancedTumourGivesNoPurity()
    {
        TargetDepths balanced = world.Hybrid("CNH_GC_BIAS");
        var withGain = new TargetDepths(balanced.Sample, balanced.Targets, balanced.MeanDepth.Select((d, i) => balanced.Targets[i].Interval.Contig == "chr8" ? d * 1.3 : d).ToArray())
        {
            ReadLength = balanced.ReadLength,
        };

        HetSite[] sites = Sites("CNH_GC_BIAS").Where(h => h.Contig != "chr8").ToArray();

        CrbnCopyNumberCall call = new CopyNumberCaller().Call(withGain, Panel, sites, "tumour");

        Assert.Equal(CopyNumberCallState.Neutral, call.State);
        Assert.Null(call.Purity);
        Assert.Equal("unknown", call.PuritySource);
        Assert.Contains("not estimable", call.PurityReason, StringComparison.Ordinal);
        Assert.Contains("not estimable", call.Reasoning, StringComparison.Ordinal);
        Assert.Null(call.Copies);
    }

    [Fact]
    public void GivenPurityReplacesTheEstimate()
    {
        var caller = new CopyNumberCaller(CopyNumberOptions.Default with { Purity = 0.3 });
        CrbnCopyNumberCall call = caller.Call(world.Hybrid("CNH_DEL3P_P30"), Panel, Sites("CNH_DEL3P_P30"), "tumour");

        Assert.Equal("given", call.PuritySource);
        Assert.Equal(0.3, call.Purity);
        Assert.Equal(1, call.Copies);
        Assert.InRange(call.EstimatedCopies!.Value, 0.7, 1.3);
    }

    [Fact]
    public void OutlierNormalIsLeftOutOfThePanel()
    {
        PanelOfNormals panel = Panel;

        Assert.Equal(["CNH_N1", "CNH_N2", "CNH_N3", "CNH_N4"], panel.Normals);
        string outlier = Assert.Single(panel.Outliers);
        Assert.StartsWith("CNH_N5_NOISY: residual noise", outlier, StringComparison.Ordinal);

        // The same call as with the four good normals alone.
        PanelOfNormals four = world.HybridPanel(CopyNumberWorld.HybridNormals[..4]);
        CrbnCopyNumberCall withFive = Call("CNH_DEL3P_P30");
        CrbnCopyNumberCall withFour = new CopyNumberCaller().Call(world.Hybrid("CNH_DEL3P_P30"), four, Sites("CNH_DEL3P_P30"), "tumour");
        Assert.Equal(withFour.State, withFive.State);
        Assert.Equal(withFour.Log2Ratio!.Value, withFive.Log2Ratio!.Value, 6);
    }

    [Fact]
    public void NoisyNormalAgainstThePanelIsNotAssessable()
    {
        CrbnCopyNumberCall call = Call("CNH_N5_NOISY");

        Assert.Equal(CopyNumberCallState.NotAssessable, call.State);
        Assert.Contains("too noisy", call.Reasoning, StringComparison.Ordinal);
    }

    /// <summary>
    /// With a matched normal the sites are found in the normal (minor fraction 0.3–0.7) and counted in the tumour: given
    /// the balanced CNH_GC_BIAS as its own normal, every site is one the tumour-only search (0.1–0.9) finds too, with
    /// the same counts.
    /// </summary>
    [Fact]
    public void MatchedNormalSitesAreCountedInTheTumour()
    {
        using var fasta = CrbnVariantCaller.Formats.Fasta.IndexedFastaReader.Open(CopyNumberWorld.Reference);
        string path = Path.Combine(CopyNumberWorld.HybridDir, "CNH_GC_BIAS.bam");
        using var tumour = new CrbnVariantCaller.Formats.Bam.BamReader(path);
        using var normal = new CrbnVariantCaller.Formats.Bam.BamReader(path);
        using var engine = CpuCompute.Engine();

        (IReadOnlyList<HetSite> sites, string source) = new CrbnVariantCaller.Pipeline.CopyNumber.HetSiteCollector(engine, 1 << 18)
            .Collect(tumour, normal, world.Hybrid("CNH_GC_BIAS").Targets, fasta, CopyNumberOptions.Default);

        Assert.Equal("matched normal", source);
        Assert.True(sites.Count >= 20, $"{sites.Count} sites");
        var alone = Sites("CNH_GC_BIAS").ToDictionary(h => (h.Contig, h.Position));
        Assert.All(sites, h => Assert.Equal(alone[(h.Contig, h.Position)], h));
    }

    private CrbnCopyNumberCall Call(string sample) =>
        new CopyNumberCaller().Call(world.Hybrid(sample), Panel, Sites(sample), "tumour");

    private IReadOnlyList<HetSite> Sites(string sample) => world.HybridSites(sample);

    private static CopyNumberCallState State(string truth) => truth switch
    {
        "hemizygous_loss" => CopyNumberCallState.HemizygousLoss,
        "homozygous_loss" => CopyNumberCallState.HomozygousLoss,
        "partial_loss" => CopyNumberCallState.PartialLoss,
        "copy_neutral_loh" => CopyNumberCallState.CopyNeutralLoh,
        "gain" => CopyNumberCallState.Gain,
        "neutral" => CopyNumberCallState.Neutral,
        _ => throw new ArgumentException(truth),
    };
}
