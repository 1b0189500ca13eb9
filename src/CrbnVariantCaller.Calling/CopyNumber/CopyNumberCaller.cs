using System.Globalization;

namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Calls CRBN copy number from one sample's target depths against a panel of normals (a CNVkit-style depth ratio;
/// the method and thresholds are described in <c>CopyNumber/README.md</c>).
/// </summary>
public sealed class CopyNumberCaller(CopyNumberOptions? options = null)
{
    private readonly CopyNumberOptions _options = options ?? CopyNumberOptions.Default;

    /// <summary>Calls the sample's CRBN state.</summary>
    /// <param name="sample">Depths measured on exactly the panel's targets, in the same order.</param>
    /// <param name="pon">The panel of normals.</param>
    /// <exception cref="ArgumentException">The sample was measured on other targets than the panel's.</exception>
    public CrbnCopyNumberCall Call(TargetDepths sample, PanelOfNormals pon)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(pon);
        if (!sample.Targets.SequenceEqual(pon.Targets))
        {
            throw new ArgumentException("the sample must be measured on the panel's targets", nameof(sample));
        }

        int count = pon.Targets.Count;
        bool[] usable = Enumerable.Range(0, count).Select(t => pon.IsUsable(t, _options)).ToArray();
        int controls = Enumerable.Range(0, count).Count(t => usable[t] && pon.Targets[t].IsControl);
        int[] exonNumbers = Enumerable.Range(0, count)
            .Where(t => usable[t] && pon.Targets[t].CrbnExon is not null)
            .Select(t => pon.Targets[t].CrbnExon!.Value)
            .Distinct()
            .Order()
            .ToArray();
        string method = Method(pon, controls, exonNumbers.Length);

        if (pon.Normals.Count < _options.MinNormals)
        {
            return NotAssessable(method, $"the panel of normals holds {pon.Normals.Count} normal(s); at least {_options.MinNormals} are needed");
        }

        if (controls < _options.MinControlTargets)
        {
            return NotAssessable(method, $"only {controls} control target(s) have at least {Format(_options.MinTargetDepth)}x in the normals; at least {_options.MinControlTargets} are needed to normalise depth");
        }

        if (exonNumbers.Length < _options.MinCrbnExons)
        {
            return NotAssessable(method, $"only {exonNumbers.Length} CRBN exon(s) have at least {Format(_options.MinTargetDepth)}x in the normals; at least {_options.MinCrbnExons} are needed");
        }

        double controlDepth = PanelOfNormals.ControlDepth(sample.MeanDepth, sample.Targets, usable);
        if (controlDepth < _options.MinSampleDepth)
        {
            return NotAssessable(method, $"the sample's mean depth over the control targets is {Format(controlDepth)}x, below {Format(_options.MinSampleDepth)}x");
        }

        // Residual log2 per target, re-centred so that the control targets' median is 0.
        double[] normalised = PanelOfNormals.Normalised(sample.MeanDepth, sample.Targets, usable, _options);
        double centre = RobustStatistics.Median(Enumerable.Range(0, count)
            .Where(t => usable[t] && pon.Targets[t].IsControl)
            .Select(t => normalised[t] - pon.Log2[t]));

        ExonCopyRatio[] exons = exonNumbers.Select(e => ExonRatio(e, sample, pon, usable, controlDepth, centre)).ToArray();
        double gene = RobustStatistics.Median(exons.Select(e => e.Log2));
        double geneSe = 1.2533 * Math.Sqrt(exons.Average(e => e.StandardError * e.StandardError) / exons.Length);
        double geneZ = gene / geneSe;
        string geneText = $"CRBN log2 {Format(gene)} (median of {exons.Length} exons, SE {Format(geneSe)})";

        ExonCopyRatio[] focal = exons.Where(e => e.Log2 <= _options.FocalLossLog2 && e.Z <= -_options.FocalMinZ).ToArray();
        bool partial = focal.Length > 0 && focal.Length < exons.Length;
        double focalLog2 = focal.Length > 0 ? RobustStatistics.Median(focal.Select(e => e.Log2)) : 0;
        int[] allExons = exons.Select(e => e.Exon).ToArray();

        if (gene <= _options.LossLog2 && geneZ <= -_options.GeneMinZ)
        {
            if (gene <= _options.HomozygousLossLog2)
            {
                return Result(CopyNumberCallState.HomozygousLoss, gene, gene, geneSe, allExons, exons, method,
                    $"{geneText} is at or below {Format(_options.HomozygousLossLog2)}: both copies of the whole gene lost");
            }

            if (partial && focalLog2 <= _options.HomozygousLossLog2)
            {
                return Result(CopyNumberCallState.HomozygousLoss, focalLog2, gene, geneSe, Numbers(focal), exons, method,
                    $"exons {Join(focal)} have log2 {Format(focalLog2)} (at or below {Format(_options.HomozygousLossLog2)}) on a gene-level loss ({geneText}): both copies of these exons lost");
            }

            return Result(CopyNumberCallState.HemizygousLoss, gene, gene, geneSe, allExons, exons, method,
                $"{geneText} is at or below {Format(_options.LossLog2)} and {Format(-geneZ)} SE below 0: one copy of the whole gene lost (in the tumour fraction)");
        }

        if (gene >= _options.GainLog2 && geneZ >= _options.GeneMinZ)
        {
            return Result(CopyNumberCallState.Gain, gene, gene, geneSe, allExons, exons, method,
                $"{geneText} is at or above {Format(_options.GainLog2)} and {Format(geneZ)} SE above 0: copy gain");
        }

        if (partial)
        {
            CopyNumberCallState state = focalLog2 <= _options.HomozygousLossLog2 ? CopyNumberCallState.HomozygousLoss : CopyNumberCallState.PartialLoss;
            string what = state == CopyNumberCallState.HomozygousLoss ? "both copies of these exons lost" : "these exons lost, the rest of the gene not";
            return Result(state, focalLog2, gene, geneSe, Numbers(focal), exons, method,
                $"exons {Join(focal)} have log2 {Format(focalLog2)} (each at or below {Format(_options.FocalLossLog2)} and at least {Format(_options.FocalMinZ)} SE below 0) while {geneText}: {what}");
        }

        return Result(CopyNumberCallState.Neutral, gene, gene, geneSe, [], exons, method,
            $"{geneText} lies between {Format(_options.LossLog2)} and {Format(_options.GainLog2)} (or within {Format(_options.GeneMinZ)} SE of 0) and no exon run is lost: copy-neutral");
    }

    /// <summary>Estimated copies for a log2 ratio: 2·2^log2, purity-adjusted when a purity is known.</summary>
    public double EstimateCopies(double log2)
    {
        double observed = 2 * Math.Pow(2, log2);
        return _options.Purity is { } p and > 0 and <= 1 ? Math.Max(0, (observed - (2 * (1 - p))) / p) : observed;
    }

    private ExonCopyRatio ExonRatio(int exon, TargetDepths sample, PanelOfNormals pon, bool[] usable, double controlDepth, double centre)
    {
        double observedBases = 0;
        double expectedBases = 0;
        double variance = 0;
        double panelBases = 0;
        int length = 0;
        for (int t = 0; t < pon.Targets.Count; t++)
        {
            if (!usable[t] || pon.Targets[t].CrbnExon != exon)
            {
                continue;
            }

            int len = pon.Targets[t].Interval.Length;
            observedBases += sample.MeanDepth[t] * len;
            expectedBases += controlDepth * Math.Pow(2, pon.Log2[t] + centre) * len;
            panelBases += pon.Depth[t] * len;
            double spread = Math.Max(_options.MinSpread, pon.Spread[t]);
            variance += spread * spread * len;
            length += len;
        }

        double log2 = observedBases > 0 ? Math.Max(_options.MinLog2, Math.Log2(observedBases / expectedBases)) : _options.MinLog2;
        double reads = Math.Max(1, observedBases / _options.ReadLength);
        double se = Math.Sqrt((variance / length) + (1 / (Math.Log(2) * Math.Log(2) * reads)));
        return new ExonCopyRatio(exon, log2, se, observedBases / length, panelBases / length);
    }

    private CrbnCopyNumberCall Result(
        CopyNumberCallState state,
        double log2,
        double gene,
        double geneSe,
        int[] affected,
        ExonCopyRatio[] exons,
        string method,
        string reasoning)
    {
        string copies = _options.Purity is { } p ? $"purity {Format(p)}" : "purity unknown, so copies = 2·2^log2 (the tumour/normal mixture)";
        return new CrbnCopyNumberCall
        {
            State = state,
            Log2Ratio = log2,
            GeneLog2Ratio = gene,
            GeneStandardError = geneSe,
            EstimatedCopies = EstimateCopies(log2),
            ExonsAffected = affected,
            Exons = exons,
            Method = method,
            Reasoning = $"{reasoning}; {copies}",
        };
    }

    private static CrbnCopyNumberCall NotAssessable(string method, string reasoning) => new()
    {
        State = CopyNumberCallState.NotAssessable,
        Method = method,
        Reasoning = reasoning,
    };

    private static string Method(PanelOfNormals pon, int controls, int exons) =>
        $"read-depth ratio against a panel of {pon.Normals.Count} normals: mean depth per target (CRBN exons ±150 bp and control targets), " +
        $"normalised to the mean depth of {controls} control targets, log2 ratio to the panel median per target, " +
        $"CRBN = median over {exons} exons, exon runs for partial losses (CNVkit-style)";

    private static int[] Numbers(IEnumerable<ExonCopyRatio> exons) => exons.Select(e => e.Exon).ToArray();

    private static string Join(IEnumerable<ExonCopyRatio> exons) => string.Join(',', exons.Select(e => e.Exon));

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
