using System.Globalization;
using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>
/// The copy-number scenarios of testdata/dna/copy_number called against a panel of the four normals: each tumour gets
/// the state, log2 and exons of its design (truth.json), and every normal is neutral against the other three.
/// </summary>
public sealed class CopyNumberCallerTests(CopyNumberWorld world) : IClassFixture<CopyNumberWorld>
{
    /// <summary>Noise allowed between the measured gene log2 and log2 of the designed depth ratio.</summary>
    private const double Log2Tolerance = 0.1;

    public static TheoryData<string, bool> Tumours => new()
    {
        { "CN_LOSS_P80", true },
        { "CN_LOSS_P40", true },
        { "CN_HOMDEL_E9_11", true },
        { "CN_NEUTRAL", true },
        { "CN_LOSS_P80", false },
        { "CN_LOSS_P40", false },
        { "CN_HOMDEL_E9_11", false },
        { "CN_NEUTRAL", false },
    };

    [Theory]
    [MemberData(nameof(Tumours))]
    public void TumourGetsItsDesignedState(string sample, bool fromBed)
    {
        CopyNumberTruth truth = CopyNumberTruth.For(sample);
        CrbnCopyNumberCall call = new CopyNumberCaller().Call(world.Depths(sample, fromBed), world.Panel(CopyNumberWorld.NormalNames, fromBed));

        double expectedLog2 = Math.Log2(truth.ExpectedDepthRatio);
        switch (truth.State)
        {
            case "hemizygous_loss":
                Assert.Equal(CopyNumberCallState.HemizygousLoss, call.State);
                Assert.InRange(call.Log2Ratio!.Value, expectedLog2 - Log2Tolerance, expectedLog2 + Log2Tolerance);
                Assert.Equal(Enumerable.Range(1, 11), call.ExonsAffected);
                // No SNPs in this panel, so the purity comes from depth alone (one copy lost is the simplest state).
                Assert.Equal("estimated", call.PuritySource);
                Assert.InRange(call.Purity!.Value, truth.Purity - 0.1, truth.Purity + 0.1);
                Assert.Equal(1, call.Copies);
                Assert.InRange(call.EstimatedCopies!.Value, 0.75, 1.25);
                break;
            case "homozygous_loss":
                Assert.Contains(call.State, new[] { CopyNumberCallState.HomozygousLoss, CopyNumberCallState.PartialLoss });
                Assert.Equal(truth.ExonsAffected, call.ExonsAffected);
                Assert.InRange(call.Log2Ratio!.Value, expectedLog2 - 0.5, expectedLog2 + 0.5);

                // The rest of the gene is intact, so the gene-level median stays near 0.
                Assert.InRange(call.GeneLog2Ratio!.Value, -Log2Tolerance, Log2Tolerance);
                break;
            case "neutral":
                Assert.Equal(CopyNumberCallState.Neutral, call.State);
                Assert.Empty(call.ExonsAffected);
                Assert.InRange(call.Log2Ratio!.Value, -Log2Tolerance, Log2Tolerance);
                break;
            default:
                Assert.Fail($"unexpected truth state {truth.State}");
                break;
        }

        Assert.Equal(11, call.Exons.Count);
        Assert.Contains("4 normals", call.Method, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PON_N1")]
    [InlineData("PON_N2")]
    [InlineData("PON_N3")]
    [InlineData("PON_N4")]
    public void LeftOutNormalIsNeutral(string normal)
    {
        PanelOfNormals panel = world.Panel(CopyNumberWorld.NormalNames.Where(n => n != normal));
        CrbnCopyNumberCall call = new CopyNumberCaller().Call(world.Depths(normal), panel);

        Assert.Equal(CopyNumberCallState.Neutral, call.State);
        Assert.Empty(call.ExonsAffected);
        Assert.InRange(call.Log2Ratio!.Value, -Log2Tolerance, Log2Tolerance);
        Assert.All(call.Exons, e => Assert.True(Math.Abs(e.Log2) < 0.3, $"exon {e.Exon} log2 {e.Log2}"));
    }

    /// <summary>
    /// The case of issue #12: a panel built from the copy_number normals without a BED (whole-genome bins) used for the
    /// 2000x deep-capture DEEP_TUMOR once gave a CRBN "gain" of log2 +9.35. The assays differ, so it is refused.
    /// </summary>
    [Fact]
    public void PanelOfAnotherAssayIsRefusedNotUsed()
    {
        PanelOfNormals wholeGenome = world.Panel(CopyNumberWorld.NormalNames, fromBed: false);
        TargetDepths deep = world.Depths(Path.Combine(RepoPaths.TestData, "dna", "deep_panel"), "DEEP_TUMOR", null);

        CrbnCopyNumberCall call = new CopyNumberCaller().Call(deep, wholeGenome);

        Assert.Equal(CopyNumberCallState.NotAssessable, call.State);
        Assert.Null(call.Log2Ratio);
        Assert.Contains("does not fit the panel of normals", call.Reasoning, StringComparison.Ordinal);

        // The same tumour against normals of its own kind of assay is assessed (a matched panel is the remedy the reason names).
        CrbnCopyNumberCall fitting = new CopyNumberCaller().Call(world.Depths("CN_NEUTRAL", fromBed: false), wholeGenome);
        Assert.Equal(CopyNumberCallState.Neutral, fitting.State);
    }

    [Fact]
    public void PurityAdjustedCopiesOfAOneCopyLossAreOne()
    {
        foreach (string sample in new[] { "CN_LOSS_P80", "CN_LOSS_P40" })
        {
            CopyNumberTruth truth = CopyNumberTruth.For(sample);
            var caller = new CopyNumberCaller(CopyNumberOptions.Default with { Purity = truth.Purity });
            CrbnCopyNumberCall call = caller.Call(world.Depths(sample), world.Panel(CopyNumberWorld.NormalNames));

            Assert.Equal(CopyNumberCallState.HemizygousLoss, call.State);
            Assert.InRange(call.EstimatedCopies!.Value, 0.75, 1.25);
        }
    }

    [Fact]
    public void ShallowSampleIsNotAssessable()
    {
        TargetDepths full = world.Depths("CN_NEUTRAL");
        var shallow = new TargetDepths("shallow", full.Targets, full.MeanDepth.Select(d => d * 0.05).ToArray());

        CrbnCopyNumberCall call = new CopyNumberCaller().Call(shallow, world.Panel(CopyNumberWorld.NormalNames));

        Assert.Equal(CopyNumberCallState.NotAssessable, call.State);
        Assert.Null(call.Log2Ratio);
        Assert.Contains("below", call.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void PanelWithoutCrbnCoverageIsNotAssessable()
    {
        PanelOfNormals full = world.Panel(CopyNumberWorld.NormalNames);
        double[] depth = full.Depth.Select((d, i) => full.Targets[i].CrbnExon is null ? d : 2.0).ToArray();
        var thin = new PanelOfNormals(full.Normals, full.Targets, full.Log2, full.Spread, depth, full.Gc, full.Assay);

        CrbnCopyNumberCall call = new CopyNumberCaller().Call(world.Depths("CN_LOSS_P80"), thin);

        Assert.Equal(CopyNumberCallState.NotAssessable, call.State);
        Assert.Contains("CRBN exon", call.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleNormalPanelIsRefusedOrNotAssessable()
    {
        PanelOfNormals full = world.Panel(CopyNumberWorld.NormalNames);
        Assert.Throws<ArgumentException>(() => PanelOfNormals.Build([world.Depths("PON_N1")], full.Gc));

        var one = new PanelOfNormals(["PON_N1"], full.Targets, full.Log2, full.Spread, full.Depth, full.Gc, full.Assay);
        CrbnCopyNumberCall call = new CopyNumberCaller().Call(world.Depths("CN_NEUTRAL"), one);
        Assert.Equal(CopyNumberCallState.NotAssessable, call.State);
    }

    [Fact]
    public void ZeroDepthOverCrbnIsAWholeGeneHomozygousLoss()
    {
        TargetDepths full = world.Depths("CN_NEUTRAL");
        var deleted = new TargetDepths("deleted", full.Targets, full.MeanDepth.Select((d, i) => full.Targets[i].CrbnExon is null ? d : 0).ToArray());

        CrbnCopyNumberCall call = new CopyNumberCaller().Call(deleted, world.Panel(CopyNumberWorld.NormalNames));

        Assert.Equal(CopyNumberCallState.HomozygousLoss, call.State);
        Assert.Equal(Enumerable.Range(1, 11), call.ExonsAffected);
        Assert.True(call.EstimatedCopies < 0.1);
    }

    /// <summary>Target depth is samtools bedcov -j (deletions not counted) divided by the target length.</summary>
    [ToolFact("samtools")]
    public void TargetDepthEqualsSamtoolsBedcov()
    {
        foreach (string sample in new[] { "PON_N2", "CN_HOMDEL_E9_11" })
        {
            TargetDepths depths = world.Depths(sample);
            string output = ExternalTool.Run("samtools", "bedcov", "-j", CopyNumberWorld.PanelBed, CopyNumberWorld.Bam(sample));
            var bySpan = new Dictionary<(string, int), double>();
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] f = line.Split('\t');
                int start = int.Parse(f[1], CultureInfo.InvariantCulture);
                int end = int.Parse(f[2], CultureInfo.InvariantCulture);
                bySpan[(f[0], start + 1)] = double.Parse(f[^1], CultureInfo.InvariantCulture) / (end - start);
            }

            Assert.Equal(31, depths.Targets.Count(t => t.Kind == BinKind.Target));
            for (int t = 0; t < depths.Targets.Count; t++)
            {
                CopyNumberTarget target = depths.Targets[t];
                if (target.Kind != BinKind.Target)
                {
                    continue;
                }

                Assert.Equal(bySpan[(target.Interval.Contig, target.Interval.Start.Value)], depths.MeanDepth[t], 9);
            }
        }
    }
}
