using System.Globalization;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Reporting.Assessment;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Compare;

/// <summary>
/// Compares a baseline and a relapse report of one patient. For each CRBN variant in either report the counts at the
/// other time point come from that report when it lists the variant, else from the BAM re-measured at the site (when
/// given), else they are assumed absent at the depth of that report's limit of detection, and the report says which.
/// Fisher's exact test on alt/ref decides new / expanded / reduced / lost against stable; the variant's grade comes from
/// the interpretation rules. Verdict: <c>acquired</c> when a likely or possible resistance variant is new or expanded,
/// Δexon10 has risen, or a CRBN loss appeared; <c>present_from_baseline</c> when a likely resistance change is at
/// relapse but was already at baseline; otherwise <c>none</c>.
/// </summary>
public sealed class ReportComparer
{
    /// <summary>The two-sided significance level (per variant, and for the Δexon10 interval).</summary>
    public const double Alpha = 0.05;

    private readonly AssessmentBuilder _grader;

    /// <summary>Creates a comparer grading variants with <paramref name="rules"/> (the default rules when null).</summary>
    public ReportComparer(InterpretationRules? rules = null) => _grader = new AssessmentBuilder(rules);

    /// <summary>Builds the comparison.</summary>
    /// <param name="baseline">The baseline report.</param>
    /// <param name="relapse">The relapse report.</param>
    /// <param name="baselineBam">Re-measured counts in the baseline DNA BAM at relapse variants, or null.</param>
    /// <param name="relapseBam">Re-measured counts in the relapse DNA BAM at baseline variants, or null.</param>
    /// <param name="notes">Notes on the re-measuring to carry into the report.</param>
    public ComparisonReport Compare(
        SampleReport baseline,
        SampleReport relapse,
        IReadOnlyDictionary<VariantKey, AlleleCount>? baselineBam = null,
        IReadOnlyDictionary<VariantKey, AlleleCount>? relapseBam = null,
        IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(relapse);
        Dictionary<VariantKey, VariantReport> b = ByKey(baseline), r = ByKey(relapse);
        List<VariantComparison> variants = b.Keys.Union(r.Keys)
            .OrderBy(k => k.Chrom, StringComparer.Ordinal).ThenBy(k => k.Pos).ThenBy(k => k.Ref, StringComparer.Ordinal).ThenBy(k => k.Alt, StringComparer.Ordinal)
            .Select(k => Variant(k, b.GetValueOrDefault(k), r.GetValueOrDefault(k), baseline, relapse, baselineBam, relapseBam))
            .ToList();
        Exon10Comparison exon10 = Exon10(baseline.Splicing.CrbnExon10Skipping, relapse.Splicing.CrbnExon10Skipping);
        CopyNumberComparison cn = CopyNumber(baseline.CopyNumber.Crbn, relapse.CopyNumber.Crbn);
        baseline.Expression.Genes.TryGetValue("CRBN", out GeneExpression? be);
        relapse.Expression.Genes.TryGetValue("CRBN", out GeneExpression? re);
        (ComparisonVerdict verdict, string reason) = Verdict(variants, exon10, cn);
        return new ComparisonReport
        {
            Baseline = baseline.Sample,
            Relapse = relapse.Sample,
            Verdict = verdict,
            VerdictReason = reason,
            Variants = variants,
            Exon10 = exon10,
            CopyNumber = cn,
            CrbnExpression = new ExpressionComparison { BaselinePercentile = be?.Percentile, BaselineTpm = be?.Tpm, RelapsePercentile = re?.Percentile, RelapseTpm = re?.Tpm },
            Notes = notes ?? [],
            ToolVersion = relapse.Tool.Version,
        };
    }

    private static Dictionary<VariantKey, VariantReport> ByKey(SampleReport report)
    {
        var map = new Dictionary<VariantKey, VariantReport>();
        foreach (VariantReport v in report.Variants)
        {
            var key = new VariantKey(v.Chrom, v.Pos.Value, v.Ref, v.Alt);
            // DNA over RNA when both assays called the same allele
            if (!map.TryGetValue(key, out VariantReport? seen) || (seen.Source == VariantSource.Rna && v.Source == VariantSource.Dna))
            {
                map[key] = v;
            }
        }

        return map;
    }

    private VariantComparison Variant(
        VariantKey key, VariantReport? atBaseline, VariantReport? atRelapse, SampleReport baseline, SampleReport relapse,
        IReadOnlyDictionary<VariantKey, AlleleCount>? baselineBam, IReadOnlyDictionary<VariantKey, AlleleCount>? relapseBam)
    {
        VariantReport any = atRelapse ?? atBaseline!;
        TimePointCounts bc = Counts(key, atBaseline, baseline, baselineBam);
        TimePointCounts rc = Counts(key, atRelapse, relapse, relapseBam);
        double p = FisherExact.TwoSided(bc.AltReads, bc.Depth - bc.AltReads, rc.AltReads, rc.Depth - rc.AltReads);
        bool significant = p < Alpha && bc.Depth > 0 && rc.Depth > 0;
        double bv = bc.Vaf ?? 0, rv = rc.Vaf ?? 0;
        VariantChange change = !significant ? VariantChange.Stable
            : rv > bv ? (bc.Called ? VariantChange.Expanded : VariantChange.New)
            : rc.Called ? VariantChange.Reduced : VariantChange.Lost;
        return new VariantComparison
        {
            Chrom = key.Chrom, Pos = new Position(key.Pos), Ref = key.Ref, Alt = key.Alt, HgvsC = any.HgvsC, HgvsP = any.HgvsP,
            Consequence = any.Consequence, Grade = _grader.Grade(any, relapse.LabFunctionalVariants ?? baseline.LabFunctionalVariants), Baseline = bc, Relapse = rc, PValue = p, Change = change,
        };
    }

    private static TimePointCounts Counts(VariantKey key, VariantReport? called, SampleReport report, IReadOnlyDictionary<VariantKey, AlleleCount>? bam)
    {
        double? lod = LimitAt(report.LimitOfDetection, key);
        if (called is not null)
        {
            return new TimePointCounts { AltReads = called.AltReads, Depth = called.Depth, Called = called.IsPass, Source = "report", Filter = called.Filter, LimitOfDetection = lod };
        }

        if (bam is not null && bam.TryGetValue(key, out AlleleCount c))
        {
            return new TimePointCounts { AltReads = c.AltReads, Depth = c.Depth, Called = false, Source = "remeasured_bam", LimitOfDetection = lod };
        }

        return new TimePointCounts { AltReads = 0, Depth = DepthAt(report.LimitOfDetection, key) ?? 0, Called = false, Source = "assumed_absent", LimitOfDetection = lod };
    }

    private static int? IndexAt(LimitOfDetection lod, VariantKey key)
    {
        if (!string.Equals(lod.Chrom, key.Chrom, StringComparison.Ordinal))
        {
            return null;
        }

        for (int i = 0; i < lod.Positions.Count; i++)
        {
            if (lod.Positions[i].Value == key.Pos)
            {
                return i;
            }
        }

        return null;
    }

    private static double? LimitAt(LimitOfDetection lod, VariantKey key) => IndexAt(lod, key) is int i && i < lod.MinVaf.Count ? lod.MinVaf[i] : null;

    private static int? DepthAt(LimitOfDetection lod, VariantKey key) => IndexAt(lod, key) is int i && i < lod.Depths.Count ? lod.Depths[i] : null;

    /// <summary>Newcombe's hybrid score interval for p2 − p1 from the two Wilson intervals.</summary>
    private static Exon10Comparison Exon10(Exon10Skipping b, Exon10Skipping r)
    {
        string Reads(Exon10Skipping e) => string.Create(CultureInfo.InvariantCulture, $"{e.SkipReads} skip / {e.InclusionReads} inclusion");
        bool ok = b.Status != SplicingStatus.NotAssessable && r.Status != SplicingStatus.NotAssessable
            && b.PsiSkipped is double && r.PsiSkipped is double && b.CiLow is double && b.CiHigh is double && r.CiLow is double && r.CiHigh is double;
        if (!ok)
        {
            return new Exon10Comparison
            {
                BaselinePsi = b.PsiSkipped, RelapsePsi = r.PsiSkipped, BaselineReads = Reads(b), RelapseReads = Reads(r), Change = "not_assessable",
            };
        }

        double p1 = b.PsiSkipped!.Value, l1 = b.CiLow!.Value, u1 = b.CiHigh!.Value;
        double p2 = r.PsiSkipped!.Value, l2 = r.CiLow!.Value, u2 = r.CiHigh!.Value;
        double d = p2 - p1;
        double low = d - Math.Sqrt(((p2 - l2) * (p2 - l2)) + ((u1 - p1) * (u1 - p1)));
        double high = d + Math.Sqrt(((u2 - p2) * (u2 - p2)) + ((p1 - l1) * (p1 - l1)));
        return new Exon10Comparison
        {
            BaselinePsi = p1, BaselineCiLow = l1, BaselineCiHigh = u1, BaselineReads = Reads(b),
            RelapsePsi = p2, RelapseCiLow = l2, RelapseCiHigh = u2, RelapseReads = Reads(r),
            Difference = d, DifferenceCiLow = low, DifferenceCiHigh = high,
            Change = low > 0 ? "risen" : high < 0 ? "fallen" : "stable",
        };
    }

    private static CopyNumberComparison CopyNumber(CrbnCopyNumber b, CrbnCopyNumber r)
    {
        static bool Loss(CopyNumberState s) => s is CopyNumberState.HomozygousLoss or CopyNumberState.HemizygousLoss or CopyNumberState.PartialLoss;
        string change = b.Call == CopyNumberState.NotAssessable || r.Call == CopyNumberState.NotAssessable ? "not_assessable"
            : Loss(r.Call) && !Loss(b.Call) ? "loss_acquired"
            : Loss(r.Call) && Loss(b.Call) ? (r.Call == CopyNumberState.HomozygousLoss && b.Call != CopyNumberState.HomozygousLoss ? "loss_acquired" : "loss_present_from_baseline")
            : "unchanged";
        return new CopyNumberComparison { Baseline = b.Call, BaselineLog2Ratio = b.Log2Ratio, Relapse = r.Call, RelapseLog2Ratio = r.Log2Ratio, Change = change };
    }

    private static (ComparisonVerdict, string) Verdict(List<VariantComparison> variants, Exon10Comparison exon10, CopyNumberComparison cn)
    {
        static bool Relevant(VariantComparison v) => v.Grade is FindingLevel.ResistanceMechanism or FindingLevel.Possible;
        string Name(VariantComparison v) => v.DisplayName;
        var acquired = new List<string>();
        acquired.AddRange(variants.Where(v => Relevant(v) && v.Change is VariantChange.New or VariantChange.Expanded)
            .Select(v => string.Create(CultureInfo.InvariantCulture, $"{Name(v)} {v.Change.ToString().ToLowerInvariant()} (VAF {v.Baseline.Vaf ?? 0:0.###} → {v.Relapse.Vaf ?? 0:0.###}, Fisher p = {v.PValue:0.##e+0})")));
        if (exon10.Change == "risen")
        {
            acquired.Add(string.Create(CultureInfo.InvariantCulture, $"Δexon10 PSI risen {exon10.BaselinePsi:0.###} → {exon10.RelapsePsi:0.###} (difference {exon10.Difference:0.###}, 95% CI {exon10.DifferenceCiLow:0.###}–{exon10.DifferenceCiHigh:0.###})"));
        }

        if (cn.Change == "loss_acquired")
        {
            acquired.Add($"CRBN copy number {Snake(cn.Baseline)} → {Snake(cn.Relapse)}");
        }

        if (acquired.Count > 0)
        {
            return (ComparisonVerdict.Acquired, "CRBN change acquired under therapy: " + string.Join("; ", acquired) + ".");
        }

        // Called at relapse and not significantly different from baseline: it was there before therapy.
        var baseline = variants.Where(v => v.Grade == FindingLevel.ResistanceMechanism && v.Relapse.Called && v.Change is VariantChange.Stable or VariantChange.Reduced).Select(Name).ToList();
        if (cn.Change == "loss_present_from_baseline")
        {
            baseline.Add($"CRBN {Snake(cn.Relapse)}");
        }

        return baseline.Count > 0
            ? (ComparisonVerdict.PresentFromBaseline, "CRBN resistance change present from baseline, not significantly changed: " + string.Join("; ", baseline) + ".")
            : (ComparisonVerdict.None, "No CRBN resistance change at relapse, and none that grew since baseline.");
    }

    private static string Snake(CopyNumberState s) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString());
}
