using System.Globalization;

namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Calls CRBN copy number from one sample's bin depths against a panel of normals: genome-centred, GC-corrected
/// log2 ratios (<see cref="BinNormaliser"/>), segmentation (<see cref="Segmenter"/>), allelic imbalance at
/// heterozygous SNPs (<see cref="AlleleImbalance"/>) and purity/integer copies (<see cref="PurityModel"/>). The method
/// and thresholds are described in <c>CopyNumber/README.md</c>.
/// </summary>
public sealed class CopyNumberCaller(CopyNumberOptions? options = null)
{
    private readonly CopyNumberOptions _options = options ?? CopyNumberOptions.Default;

    /// <summary>Calls the sample's CRBN state.</summary>
    /// <param name="sample">Depths measured on exactly the panel's bins, in the same order.</param>
    /// <param name="pon">The panel of normals.</param>
    /// <param name="hetSites">Heterozygous germline SNPs with the sample's allele counts, or null when not looked for.</param>
    /// <param name="hetSource">Where the sites were found (<c>matched normal</c> or <c>tumour</c>).</param>
    /// <exception cref="ArgumentException">The sample was measured on other bins than the panel's.</exception>
    public CrbnCopyNumberCall Call(TargetDepths sample, PanelOfNormals pon, IReadOnlyList<HetSite>? hetSites = null, string? hetSource = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(pon);
        if (!sample.Targets.SequenceEqual(pon.Targets))
        {
            throw new ArgumentException("the sample must be measured on the panel's targets", nameof(sample));
        }

        int count = pon.Targets.Count;
        string crbnContig = pon.CrbnContig;
        bool[] usable = pon.UsableMask(_options);
        int referenceBins = Enumerable.Range(0, count).Count(t => usable[t] && BinNormaliser.IsReference(pon.Targets[t], crbnContig));
        int[] exonNumbers = Enumerable.Range(0, count)
            .Where(t => usable[t] && pon.Targets[t].CrbnExon is not null && pon.Targets[t].Kind == BinKind.Target)
            .Select(t => pon.Targets[t].CrbnExon!.Value)
            .Distinct()
            .Order()
            .ToArray();
        string method = Method(pon, referenceBins, exonNumbers.Length);

        if (pon.Normals.Count < _options.MinNormals)
        {
            return NotAssessable(method, pon, $"the panel of normals holds {pon.Normals.Count} normal(s); at least {_options.MinNormals} are needed");
        }

        if (referenceBins < _options.MinReferenceBins)
        {
            return NotAssessable(method, pon, $"only {referenceBins} bin(s) on autosomes other than {crbnContig} have enough reads in the normals; at least {_options.MinReferenceBins} are needed to normalise depth");
        }

        if (exonNumbers.Length < _options.MinCrbnExons)
        {
            return NotAssessable(method, pon, $"only {exonNumbers.Length} CRBN exon(s) have at least {Format(_options.MinTargetDepth)}x in the normals; at least {_options.MinCrbnExons} are needed");
        }

        if (AssayMismatch(sample, pon, usable) is { } mismatch)
        {
            return NotAssessable(method, pon, $"the sample does not fit the panel of normals ({mismatch}); build a panel from normals of the same assay (capture, targets, read length)");
        }

        if (TooShallow(sample, pon, usable) is { } shallow)
        {
            return NotAssessable(method, pon, shallow);
        }

        double[] weight = Weights(sample, pon, usable);
        (double[] residual, IReadOnlyDictionary<int, double> centreSe) = Residuals(sample, pon, usable, weight);
        double noise = RobustStatistics.MadSigma(Enumerable.Range(0, count).Where(t => usable[t] && BinNormaliser.IsReference(pon.Targets[t], crbnContig)).Select(t => residual[t]).ToArray());
        double noiseLimit = pon.Assay.Noise > 0 ? Math.Min(_options.MaxSampleNoise, _options.MaxNoiseFactor * pon.Assay.Noise) : _options.MaxSampleNoise;
        if (noise > noiseLimit)
        {
            return NotAssessable(method, pon, $"the sample is too noisy for the panel of normals (residual noise {Format(noise)} log2 over the reference bins, above {Format(noiseLimit)}; the normals' is {Format(pon.Assay.Noise)}); build a panel from normals of the same assay");
        }

        IReadOnlyList<HetSite> hets = hetSites ?? [];
        var segments = new List<CopyNumberSegment>();
        foreach (IGrouping<string, int> contig in Enumerable.Range(0, count).Where(t => usable[t]).GroupBy(t => pon.Targets[t].Interval.Contig))
        {
            int[] order = contig.OrderBy(t => pon.Targets[t].Interval.Start.Value).ThenBy(t => pon.Targets[t].Interval.End.Value).ToArray();
            int[] starts = order.Select(t => pon.Targets[t].Interval.Start.Value).ToArray();
            IReadOnlyList<CopyNumberSegment> found = Segmenter.Segment(
                contig.Key,
                starts,
                order.Select(t => pon.Targets[t].Interval.End.Value).ToArray(),
                order.Select(t => residual[t]).ToArray(),
                order.Select(t => weight[t]).ToArray(),
                _options,
                BafCuts(hets.Where(h => h.Contig == contig.Key).ToArray(), starts));
            segments.AddRange(found.Select(s => WithCentreError(s, order.AsSpan(s.FirstBin, s.Bins), pon, weight, centreSe)));
        }

        AlleleImbalance ImbalanceOf(CopyNumberSegment s) =>
            AlleleImbalance.Fit(hets.Where(h => h.Contig == s.Contig && s.Contains(h.Position)).ToArray());
        PurityModel.Evidence EvidenceOf(CopyNumberSegment s) =>
            new(s.Log2, Math.Max(s.StandardError, _options.MinSegmentSe), ImbalanceOf(s));

        int geneStart = pon.Targets.Where(t => t.CrbnExon is not null).Min(t => t.Interval.Start.Value);
        int geneEnd = pon.Targets.Where(t => t.CrbnExon is not null).Max(t => t.Interval.End.Value);
        int geneMid = (geneStart + geneEnd) / 2;
        CopyNumberSegment[] crbnContigSegments = segments.Where(s => s.Contig == crbnContig).ToArray();
        CopyNumberSegment crbnSegment = crbnContigSegments
            .OrderBy(s => s.Contains(geneMid) ? 0 : Math.Min(Math.Abs(s.Start - geneMid), Math.Abs(s.End - geneMid)))
            .First();
        AlleleImbalance imbalance = ImbalanceOf(crbnSegment);
        bool informative = imbalance.Sites >= _options.MinBafSites;
        bool imbalanced = informative && imbalance.LikelihoodRatio >= _options.MinImbalanceLr && imbalance.Deviation >= _options.MinImbalance;

        // Purity: given, or fitted on the aberrant segments of at least MinSegmentBins bins; else not estimable, with why.
        double? purity = _options.Purity;
        string puritySource = purity is null ? "unknown" : "given";
        string? purityReason = null;
        if (purity is null)
        {
            PurityModel.Evidence[] candidates = segments.Where(s => s.Bins >= _options.MinSegmentBins).Select(EvidenceOf).ToArray();
            bool bafMeasured = candidates.Any(e => e.Imbalance.Sites >= _options.MinBafSites);
            PurityModel.Evidence[] aberrant = candidates.Where(IsAberrant).Where(e => !bafMeasured || PinsPurity(e)).ToArray();
            purity = PurityModel.EstimatePurity(aberrant, _options);
            puritySource = purity is null ? "unknown" : "estimated";
            purityReason = purity is not null ? null : bafMeasured
                ? $"not estimable: no segment with BAF at {_options.MinBafSites} or more heterozygous SNPs differs from two balanced copies, and no depth-only segment is below one copy (depth alone trades purity against copies)"
                : "not estimable: no segment differs from two copies";
        }

        ExonCopyRatio[] exons = exonNumbers.Select(e => ExonRatio(e, sample, pon, usable, residual, weight, centreSe.GetValueOrDefault(0))).ToArray();
        bool segmentSpansGene = crbnSegment.Start <= geneStart && crbnSegment.End >= geneEnd;
        double gene = segmentSpansGene ? crbnSegment.Log2 : RobustStatistics.Median(exons.Select(e => e.Log2));
        double geneSe = segmentSpansGene
            ? Math.Max(crbnSegment.StandardError, _options.MinSegmentSe)
            : Math.Max(_options.MinSegmentSe, 1.2533 * Math.Sqrt(exons.Average(e => e.StandardError * e.StandardError) / exons.Length));
        double geneZ = gene / geneSe;

        PurityModel.State? state = null;
        double? confidence = null;
        if (purity is { } p)
        {
            (state, confidence) = PurityModel.Copies(p, new PurityModel.Evidence(gene, geneSe, imbalance), _options);
        }

        bool? loh = informative ? imbalanced && (state is null || state.Minor == 0) : null;
        var context = new CallContext(method, pon, crbnSegment, imbalance, loh, crbnContigSegments, BinsOf(pon, usable, residual, crbnContig),
            hets.Where(h => h.Contig == crbnContig).ToArray(), hetSource, purity, puritySource, purityReason, state, confidence, exons);

        string segmentText = $"CRBN segment {crbnSegment.Contig}:{crbnSegment.Start}-{crbnSegment.End} ({crbnSegment.Bins} bins) log2 {Format(gene)} (SE {Format(geneSe)})";
        string bafText = informative
            ? $"; BAF at {imbalance.Sites} heterozygous SNPs: minor-allele fraction {Format(imbalance.MinorFraction)}{(imbalanced ? " (allelic imbalance)" : " (balanced)")}"
            : "; too few heterozygous SNPs in the segment for BAF";
        string copiesText = purity is { } pp && state is not null
            ? $"; at purity {Format(pp)} ({puritySource}) the tumour has {state.Copies} copies ({state.Minor} of the minor allele, probability {Format(confidence!.Value)})"
            : $"; purity {purityReason ?? "unknown"}, so copies = 2·2^log2 (the tumour/normal mixture)";
        string evidence = segmentText + bafText + copiesText;

        ExonCopyRatio[] focal = exons.Where(e => e.Log2 <= _options.FocalLossLog2 && e.Z <= -_options.FocalMinZ).ToArray();
        bool partial = focal.Length > 0 && focal.Length < exons.Length;
        double focalLog2 = focal.Length > 0 ? RobustStatistics.Median(focal.Select(e => e.Log2)) : 0;
        int[] allExons = exons.Select(e => e.Exon).ToArray();

        if (gene <= _options.LossLog2 && geneZ <= -_options.GeneMinZ)
        {
            if (gene <= _options.HomozygousLossLog2)
            {
                return Result(context, CopyNumberCallState.HomozygousLoss, gene, gene, geneSe, allExons, $"{evidence}; at or below {Format(_options.HomozygousLossLog2)}: both copies of the whole gene lost");
            }

            if (partial && focalLog2 <= _options.HomozygousLossLog2)
            {
                return Result(context, CopyNumberCallState.HomozygousLoss, focalLog2, gene, geneSe, Numbers(focal), $"exons {Join(focal)} have log2 {Format(focalLog2)} (at or below {Format(_options.HomozygousLossLog2)}) on a gene-level loss; {evidence}: both copies of these exons lost");
            }

            return Result(context, CopyNumberCallState.HemizygousLoss, gene, gene, geneSe, allExons, $"{evidence}; at or below {Format(_options.LossLog2)} and {Format(-geneZ)} SE below 0: one copy of the whole gene lost (in the tumour fraction)");
        }

        if (gene >= _options.GainLog2 && geneZ >= _options.GeneMinZ)
        {
            return Result(context, CopyNumberCallState.Gain, gene, gene, geneSe, allExons, $"{evidence}; at or above {Format(_options.GainLog2)} and {Format(geneZ)} SE above 0: copy gain");
        }

        if (partial)
        {
            CopyNumberCallState partialState = focalLog2 <= _options.HomozygousLossLog2 ? CopyNumberCallState.HomozygousLoss : CopyNumberCallState.PartialLoss;
            string what = partialState == CopyNumberCallState.HomozygousLoss ? "both copies of these exons lost" : "these exons lost, the rest of the gene not";
            return Result(context, partialState, focalLog2, gene, geneSe, Numbers(focal), $"exons {Join(focal)} have log2 {Format(focalLog2)} (each at or below {Format(_options.FocalLossLog2)} and at least {Format(_options.FocalMinZ)} SE below 0) while {evidence}: {what}");
        }

        if (imbalanced && loh != false)
        {
            return Result(context, CopyNumberCallState.CopyNeutralLoh, gene, gene, geneSe, [], $"{evidence}; depth is unchanged but one allele dominates: copy-neutral loss of heterozygosity");
        }

        return Result(context, CopyNumberCallState.Neutral, gene, gene, geneSe, [], $"{evidence}; between {Format(_options.LossLog2)} and {Format(_options.GainLog2)} (or within {Format(_options.GeneMinZ)} SE of 0), no exon run lost, no LOH: copy-neutral");
    }

    /// <summary>Estimated copies for a log2 ratio: 2·2^log2, purity-adjusted when a purity is known.</summary>
    public static double EstimateCopies(double log2, double? purity)
    {
        double observed = 2 * Math.Pow(2, log2);
        return purity is { } p and > 0 and <= 1 ? Math.Max(0, (observed - (2 * (1 - p))) / p) : observed;
    }

    /// <summary>
    /// Why <paramref name="sample"/> does not fit <paramref name="pon"/> (read length, on-target enrichment, or bins the
    /// panel covers that the sample does not), or null when it fits.
    /// </summary>
    public string? AssayMismatch(TargetDepths sample, PanelOfNormals pon, bool[] usable)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(pon);
        AssayProfile mine = PanelOfNormals.ProfileOf(sample, usable);
        AssayProfile theirs = pon.Assay;
        if (mine.ReadLength > 0 && theirs.ReadLength > 0 && Math.Max(mine.ReadLength, theirs.ReadLength) / Math.Min(mine.ReadLength, theirs.ReadLength) > _options.MaxReadLengthRatio)
        {
            return $"reads of {Format(mine.ReadLength)} bp against normals of {Format(theirs.ReadLength)} bp";
        }

        int panelBins = 0;
        int empty = 0;
        for (int t = 0; t < usable.Length; t++)
        {
            if (usable[t] && BinNormaliser.IsReference(pon.Targets[t], pon.CrbnContig))
            {
                panelBins++;
                if (sample.MeanDepth[t] <= 0)
                {
                    empty++;
                }
            }
        }

        if (panelBins > 0 && (double)empty / panelBins > _options.MaxEmptyBinFraction)
        {
            return $"{empty} of the {panelBins} reference bins the normals cover have no reads in the sample";
        }

        if (mine.EnrichmentLog2 is { } a && theirs.EnrichmentLog2 is { } b && Math.Abs(a - b) > _options.MaxEnrichmentDifference)
        {
            return $"target/background depth {Format(mine.TargetDepth)}x/{Format(mine.BackgroundDepth)}x (log2 {Format(a)}) against the normals' {Format(theirs.TargetDepth)}x/{Format(theirs.BackgroundDepth)}x (log2 {Format(b)})";
        }

        if ((mine.BackgroundDepth > 0) != (theirs.BackgroundDepth > 0))
        {
            return mine.BackgroundDepth > 0 ? "the sample has off-target or genome-wide reads the normals lack" : "the normals have off-target or genome-wide reads the sample lacks";
        }

        return null;
    }

    /// <summary>Why the sample has too few reads for its bins (median target depth, or median reads per background bin), or null.</summary>
    private string? TooShallow(TargetDepths sample, PanelOfNormals pon, bool[] usable)
    {
        AssayProfile mine = PanelOfNormals.ProfileOf(sample, usable);
        if (pon.Assay.TargetDepth > 0 && mine.TargetDepth < _options.MinTargetDepth)
        {
            return $"the sample's median depth over the target bins is {Format(mine.TargetDepth)}x, below {Format(_options.MinTargetDepth)}x";
        }

        double readLength = sample.ReadLength > 0 ? sample.ReadLength : _options.ReadLength;
        double[] reads = Enumerable.Range(0, pon.Targets.Count)
            .Where(t => usable[t] && pon.Targets[t].Kind != BinKind.Target)
            .Select(t => sample.MeanDepth[t] * pon.Targets[t].Interval.Length / readLength)
            .ToArray();
        return reads.Length > 0 && RobustStatistics.Median(reads) < _options.MinBinReads
            ? $"the sample has a median of {Format(RobustStatistics.Median(reads))} reads per off-target/genome bin, below {Format(_options.MinBinReads)}"
            : null;
    }

    /// <summary>
    /// GC-corrected residual log2 against the panel, each normalisation group centred on its reference bins; and the
    /// standard error of each group's centre (the same noise scale as the trimmed mean, over the reference bins' weight).
    /// </summary>
    internal (double[] Residual, IReadOnlyDictionary<int, double> CentreSe) Residuals(TargetDepths sample, PanelOfNormals pon, bool[] usable, double[] weight)
    {
        double[] log2 = BinNormaliser.Normalise(sample.MeanDepth, pon.Targets, pon.Gc, usable, pon.CrbnContig, _options);
        double[] residual = log2.Select((v, t) => v - pon.Log2[t]).ToArray();
        var centreSe = new Dictionary<int, double>();
        foreach (int group in pon.Targets.Select(t => t.Group).Distinct())
        {
            int[] reference = Enumerable.Range(0, residual.Length)
                .Where(t => usable[t] && pon.Targets[t].Group == group && BinNormaliser.IsReference(pon.Targets[t], pon.CrbnContig))
                .ToArray();
            if (reference.Length == 0)
            {
                continue;
            }

            double[] values = reference.Select(t => residual[t]).ToArray();
            double[] weights = reference.Select(t => weight[t]).ToArray();
            double centre = RobustStatistics.TrimmedWeightedMean(values, weights);
            centreSe[group] = RobustStatistics.WeightedMeanStandardError(values, weights);
            for (int t = 0; t < residual.Length; t++)
            {
                if (pon.Targets[t].Group == group)
                {
                    residual[t] = Math.Max(_options.MinLog2, residual[t] - centre);
                }
            }
        }

        return (residual, centreSe);
    }

    /// <summary>
    /// The segment with the uncertainty of the reference level added to its standard error: every bin of a group shares
    /// that group's centre, so its error does not shrink with the segment's bins. A segment's level is the weighted mean
    /// over groups, so the centre errors enter by weight share: SE² = SE_bins² + Σ_g (W_g / W)² SE_centre,g². (Without it
    /// the hybrid segments claimed 0.02 while replicates of the same design scatter by 0.03, and the purity fit trusted a
    /// depth that was off by two of those SEs over a BAF that was right.)
    /// </summary>
    private static CopyNumberSegment WithCentreError(CopyNumberSegment segment, ReadOnlySpan<int> bins, PanelOfNormals pon, double[] weight, IReadOnlyDictionary<int, double> centreSe)
    {
        var byGroup = new Dictionary<int, double>();
        double total = 0;
        foreach (int t in bins)
        {
            int group = pon.Targets[t].Group;
            byGroup[group] = byGroup.GetValueOrDefault(group) + weight[t];
            total += weight[t];
        }

        double variance = segment.StandardError * segment.StandardError;
        foreach ((int group, double w) in byGroup)
        {
            double se = centreSe.GetValueOrDefault(group);
            variance += (w / total) * (w / total) * se * se;
        }

        return segment with { StandardError = Math.Sqrt(variance) };
    }

    private double[] Weights(TargetDepths sample, PanelOfNormals pon, bool[] usable)
    {
        double readLength = sample.ReadLength > 0 ? sample.ReadLength : _options.ReadLength;
        return Enumerable.Range(0, pon.Targets.Count).Select(t =>
        {
            double reads = Math.Max(1, sample.MeanDepth[t] * pon.Targets[t].Interval.Length / readLength);
            double spread = Math.Max(_options.MinSpread, pon.Spread[t]);
            return usable[t] ? 1 / ((spread * spread) + (1 / (Math.Log(2) * Math.Log(2) * reads))) : 0;
        }).ToArray();
    }

    /// <summary>
    /// Change points of the mirrored B-allele frequency along a contig (|BAF − 0.5| at each heterozygous SNP, weighted by
    /// depth), as indices into the contig's bins: a copy-neutral LOH has breakpoints that depth cannot show.
    /// </summary>
    private IEnumerable<int> BafCuts(HetSite[] sites, int[] binStarts)
    {
        if (sites.Length < 2 * _options.MinBafSites)
        {
            return [];
        }

        HetSite[] ordered = sites.OrderBy(s => s.Position).ToArray();
        double[] mirrored = ordered.Select(s => Math.Abs(s.Baf - 0.5)).ToArray();
        double[] weight = ordered.Select(s => (double)s.Depth).ToArray();
        return Segmenter.ChangePoints(mirrored, weight, _options)
            .Select(c => (ordered[c - 1].Position + ordered[c].Position) / 2)
            .Select(p => Array.BinarySearch(binStarts, p) is var k && k >= 0 ? k : ~k)
            .ToArray();
    }

    /// <summary>
    /// Whether a segment's evidence identifies purity when the sample's BAF was measured: its own BAF is informative, or
    /// its depth alone is at least <see cref="CopyNumberOptions.GeneMinZ"/> SE below one copy's floor (log2 −1, the
    /// least any tumour with a copy left can show), so that only zero copies fit and log2 = log2(1 − p) gives p. Any
    /// other depth-only change (a gain, a shallow loss; or a short noisy segment, residual GC bias, where there are no
    /// SNPs) fits every purity with some copy number, and must not give a balanced sample a purity.
    /// </summary>
    private bool PinsPurity(PurityModel.Evidence e) =>
        e.Imbalance.Sites >= _options.MinBafSites || (e.Log2 + 1) / e.Log2Se <= -_options.GeneMinZ;

    private bool IsAberrant(PurityModel.Evidence e)
    {
        bool depth = Math.Abs(e.Log2) >= 0.08 && Math.Abs(e.Log2) / e.Log2Se >= _options.GeneMinZ;
        bool baf = e.Imbalance.Sites >= _options.MinBafSites && e.Imbalance.LikelihoodRatio >= _options.MinImbalanceLr && e.Imbalance.Deviation >= _options.MinImbalance;
        return depth || baf;
    }

    private static IReadOnlyList<BinRatio> BinsOf(PanelOfNormals pon, bool[] usable, double[] residual, string contig) =>
        Enumerable.Range(0, pon.Targets.Count)
            .Where(t => usable[t] && pon.Targets[t].Interval.Contig == contig)
            .OrderBy(t => pon.Targets[t].Interval.Start.Value)
            .Select(t => new BinRatio(contig, pon.Targets[t].Interval.Start.Value, pon.Targets[t].Interval.End.Value, residual[t], pon.Targets[t].Kind))
            .ToArray();

    private ExonCopyRatio ExonRatio(int exon, TargetDepths sample, PanelOfNormals pon, bool[] usable, double[] residual, double[] weight, double centreSe)
    {
        double sw = 0;
        double swx = 0;
        double depth = 0;
        double panelDepth = 0;
        int length = 0;
        for (int t = 0; t < pon.Targets.Count; t++)
        {
            if (!usable[t] || pon.Targets[t].CrbnExon != exon || pon.Targets[t].Kind != BinKind.Target)
            {
                continue;
            }

            int len = pon.Targets[t].Interval.Length;
            sw += weight[t];
            swx += weight[t] * residual[t];
            depth += sample.MeanDepth[t] * len;
            panelDepth += pon.Depth[t] * len;
            length += len;
        }

        return new ExonCopyRatio(exon, swx / sw, Math.Sqrt((1 / sw) + (centreSe * centreSe)), depth / length, panelDepth / length);
    }

    private CrbnCopyNumberCall Result(CallContext c, CopyNumberCallState state, double log2, double gene, double geneSe, int[] affected, string reasoning) => new()
    {
        State = state,
        Log2Ratio = log2,
        GeneLog2Ratio = gene,
        GeneStandardError = geneSe,
        EstimatedCopies = EstimateCopies(log2, c.Purity),
        ExonsAffected = affected,
        Exons = c.Exons,
        Segment = c.Segment,
        SegmentImbalance = c.Imbalance,
        Loh = c.Loh,
        Segments = c.Segments,
        Bins = c.Bins,
        HetSites = c.HetSites,
        HetSource = c.HetSource,
        Purity = c.Purity,
        PuritySource = c.PuritySource,
        PurityReason = c.PurityReason,
        Copies = c.State?.Copies,
        MinorCopies = c.State is { } s && c.Imbalance.Sites >= _options.MinBafSites ? s.Minor : null,
        CopiesConfidence = c.Confidence,
        OutlierNormals = c.Pon.Outliers,
        Method = c.Method,
        Reasoning = reasoning,
    };

    private static CrbnCopyNumberCall NotAssessable(string method, PanelOfNormals pon, string reasoning) => new()
    {
        State = CopyNumberCallState.NotAssessable,
        Method = method,
        Reasoning = reasoning,
        OutlierNormals = pon.Outliers,
    };

    private static string Method(PanelOfNormals pon, int referenceBins, int exons)
    {
        string bins = string.Join(", ", pon.Targets.GroupBy(t => t.Kind).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        return $"read-depth ratio against a panel of {pon.Normals.Count} normals ({bins} bins): each bin's depth normalised to the median of " +
            $"{referenceBins} usable bins on autosomes other than {pon.CrbnContig} and GC-corrected, log2 ratio to the panel median per bin, " +
            "binary segmentation (t ≥ 5) of each contig, CRBN = the segment containing the gene, exon-level ratios over " +
            $"{exons} exons; BAF at heterozygous SNPs (mirrored two-binomial fit), purity and integer copies from BAF and depth together (CNVkit/FACETS-style)";
    }

    private static int[] Numbers(IEnumerable<ExonCopyRatio> exons) => exons.Select(e => e.Exon).ToArray();

    private static string Join(IEnumerable<ExonCopyRatio> exons) => string.Join(',', exons.Select(e => e.Exon));

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record CallContext(
        string Method,
        PanelOfNormals Pon,
        CopyNumberSegment Segment,
        AlleleImbalance Imbalance,
        bool? Loh,
        IReadOnlyList<CopyNumberSegment> Segments,
        IReadOnlyList<BinRatio> Bins,
        IReadOnlyList<HetSite> HetSites,
        string? HetSource,
        double? Purity,
        string PuritySource,
        string? PurityReason,
        PurityModel.State? State,
        double? Confidence,
        IReadOnlyList<ExonCopyRatio> Exons);
}
