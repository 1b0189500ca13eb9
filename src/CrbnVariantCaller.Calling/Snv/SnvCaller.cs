using CrbnVariantCaller.Core.Alignment;
using System.Globalization;
using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// The low-VAF SNV and small-indel caller for the coding exons (plus splice flanks) of one transcript, CRBN in
/// practice. Allele counts come from pileups the caller asks for (<see cref="PileupRequests"/>: no depth cap, one
/// pileup per quality band) and is then given (<see cref="Call"/>); the statistical test is a Poisson-binomial tail
/// over the reads' calibrated error rates with a Bonferroni correction; per-read artefact checks walk only the reads
/// at significant sites. See Snv/README.md.
/// </summary>
public sealed class SnvCaller
{
    private static readonly PileupChannel[] Bases = [PileupChannel.A, PileupChannel.C, PileupChannel.G, PileupChannel.T];

    private readonly SnvCallerOptions _options;

    /// <summary>Creates a caller.</summary>
    public SnvCaller(SnvCallerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Alpha is <= 0 or >= 1 || options.MinBaseQuality < 0 || options.MinAltReads < 1)
        {
            throw new ArgumentException("Alpha must be in (0, 1), MinBaseQuality ≥ 0 and MinAltReads ≥ 1.", nameof(options));
        }

        _options = options;
    }

    /// <summary>The options in use.</summary>
    public SnvCallerOptions Options => _options;

    /// <summary>
    /// The pileups <see cref="Call"/> needs for <paramref name="input"/>: over the tested region, one per quality band
    /// (lowest bound first), for the tumour and, when the input has one, the normal.
    /// </summary>
    /// <exception cref="ArgumentException">The reference window does not cover the tested region.</exception>
    public SnvPileupRequests PileupRequests(SnvCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        TestedRegion region = Region(input);
        return new SnvPileupRequests(
            BandRequests(region, region.Window),
            input.Normal is null ? null : BandRequests(region, NormalWindow(input, region.Window)));
    }

    /// <summary>
    /// The 0-based positions whose reads <see cref="Call"/> walks for these pileups: the significant SNV sites (tumour) and
    /// the indel sites (tumour and normal). <see cref="SnvCallInput.Tumor"/> and <see cref="SnvCallInput.Normal"/> need
    /// hold only the reads covering these positions, so a pipeline can stream the region for the pileups and then load
    /// just these reads.
    /// </summary>
    public SnvWalkedSites WalkedPositions(SnvCallInput input, SnvPileups pileups)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(pileups);
        TestedRegion region = Region(input);
        int[] tested = region.Tested;
        ReferenceWindow window = region.Window;
        QualityBands bands = Bands(region, window, pileups.Tumor, "tumour");
        int[] offsets = tested.Select(p => p - window.Start.Value).ToArray();
        byte[] refChannels = tested.Select(p => ChannelOf(input.Reference.BaseAt(new Position(p)))).ToArray();
        BandErrorModel model = BandErrorModel.Estimate(bands, offsets, refChannels, _options.MaxBackgroundVaf);
        double threshold = _options.Alpha / (tested.Length * 4);
        List<int> indels = IndelSites(bands.All, tested, offsets);
        int[] snvs = Significant(bands, model, threshold, offsets, refChannels).Select(c => tested[c.Index] - 1).ToArray();
        return new SnvWalkedSites([.. snvs.Concat(indels).Distinct().Order()], indels);
    }

    /// <summary>Calls, genotypes the key residues, and reports the limit of detection and QC for one sample.</summary>
    /// <param name="input">The sample's reads, reference and transcript.</param>
    /// <param name="pileups">The pileups of <see cref="PileupRequests"/> for the same input, in the same order.</param>
    /// <exception cref="ArgumentException">
    /// The reference window does not cover the tested region, or the pileups are not the ones asked for.
    /// </exception>
    public SnvCallSet Call(SnvCallInput input, SnvPileups pileups)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(pileups);
        ReferenceSlice reference = input.Reference;
        TestedRegion region = Region(input);
        TranscriptModel transcript = region.Transcript;
        int[] tested = region.Tested;
        ReferenceWindow window = region.Window;
        ReadFilter filter = region.Filter;

        QualityBands tumorBands = Bands(region, window, pileups.Tumor, "tumour");
        int[] offsets = tested.Select(p => p - window.Start.Value).ToArray();
        byte[] refChannels = tested.Select(p => ChannelOf(reference.BaseAt(new Position(p)))).ToArray();
        BandErrorModel model = BandErrorModel.Estimate(tumorBands, offsets, refChannels, _options.MaxBackgroundVaf);
        int tests = tested.Length * 4;
        double threshold = _options.Alpha / tests;

        QualityBands? normalBands = null;
        BandErrorModel? normalModel = null;
        ReadSiteWalker? normalWalker = null;
        if (input.Normal is not null)
        {
            if (pileups.Normal is null)
            {
                throw new ArgumentException("the input has a normal but no normal pileups were given", nameof(pileups));
            }

            ReferenceWindow normalWindow = NormalWindow(input, window);
            normalBands = Bands(region, normalWindow, pileups.Normal, "normal");
            normalModel = BandErrorModel.Estimate(normalBands, offsets, refChannels, _options.MaxBackgroundVaf);
            normalWalker = new ReadSiteWalker(input.Normal, filter, normalWindow.ReferenceId);
        }

        var walker = new ReadSiteWalker(input.Tumor, filter, input.ReferenceId);
        VariantAnnotator? annotator = reference.Contains(transcript.Span) ? new VariantAnnotator(transcript, reference) : null;
        var context = new SiteContext(reference, window, tumorBands, model, threshold, walker, normalBands, normalModel, normalWalker, annotator);

        List<SnvVariant> variants = Significant(tumorBands, model, threshold, offsets, refChannels)
            .Select(c => BuildSnv(context, tested[c.Index], offsets[c.Index], (PileupChannel)refChannels[c.Index], c.Alt, c.P))
            .ToList();

        variants.AddRange(CallIndels(context, tested, offsets));
        variants.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : string.CompareOrdinal(a.Alt, b.Alt));

        List<DetectionLimit> limits = [];
        for (int i = 0; i < tested.Length; i++)
        {
            int depth = tumorBands.All.Depth(offsets[i]);
            int critical = Math.Max(_options.MinAltReads, model.CriticalCount(offsets[i], threshold));
            double lod = PoissonBinomial.MinimumFraction(depth, critical, _options.DetectionPower);
            string hgvs = transcript.TryGetCdsPosition(new Position(tested[i]), out CdsPosition c) ? c.ToHgvsNumber() : "?";
            limits.Add(new DetectionLimit(new Position(tested[i]), hgvs, depth, critical, lod));
        }

        return new SnvCallSet
        {
            Variants = variants,
            KnownResidueGenotypes = KnownResidues(context, transcript, limits, variants),
            DetectionLimits = limits,
            NotAssessable = NotAssessable(transcript, limits),
            Qc = Qc(input.TumorReadTally ?? SnvReadTally.Of(input.Tumor, input.ReferenceId, transcript), transcript, tumorBands, window),
            BandErrorRates = model.Rates,
            Tests = tests,
            Threshold = threshold,
        };
    }

    /// <summary>
    /// Counts given single-base substitutions the way <see cref="Call"/> counts the SNVs it calls (a called SNV's AD and
    /// DP): alt reads are the alt base in the tumour pileup of the lowest quality band (base quality ≥
    /// <see cref="SnvCallerOptions.MinBaseQuality"/>, mapping quality ≥ <see cref="SnvCallerOptions.MinMappingQuality"/>,
    /// overlapping mates once), depth that pileup's depth at the site. Needs no reads, only the pileups.
    /// </summary>
    /// <param name="input">The sample's reference and transcript (reads are not walked).</param>
    /// <param name="pileups">The tumour pileups of <see cref="PileupRequests"/> for the same input.</param>
    /// <param name="alleles">The substitutions.</param>
    /// <returns>One count per allele, in order; null for a site outside the tested region or an alt that is not A, C, G or T.</returns>
    public IReadOnlyList<AlleleMeasurement?> MeasureSnvs(SnvCallInput input, SnvPileups pileups, IReadOnlyList<SnvAllele> alleles)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(pileups);
        ArgumentNullException.ThrowIfNull(alleles);
        TestedRegion region = Region(input);
        PileupCounts all = Bands(region, region.Window, pileups.Tumor, "tumour").All;
        return alleles.Select(a =>
        {
            int offset = a.Position.Value - region.Window.Start.Value;
            byte alt = ChannelOf((byte)char.ToUpperInvariant(a.Alt));
            return offset < 0 || offset >= region.Window.Length || alt > 3
                ? (AlleleMeasurement?)null
                : new AlleleMeasurement(all.Get(offset, (PileupChannel)alt), all.Depth(offset));
        }).ToList();
    }

    /// <summary>
    /// The 0-based positions whose reads <see cref="MeasureIndels"/> walks for <paramref name="alleles"/>: each anchor and
    /// the bases of the repeat after it, where an aligner may have written the same event.
    /// </summary>
    public IReadOnlyList<int> IndelMeasurementPositions(SnvCallInput input, IReadOnlyList<IndelAllele> alleles)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(alleles);
        var positions = new SortedSet<int>();
        foreach (IndelAllele allele in alleles)
        {
            int anchor = allele.Position.ZeroBased;
            int length = Math.Abs(allele.Ref.Length - allele.Alt.Length);
            int span = input.Reference.Contains(allele.Position) ? IndelEvidence.RepeatCount(input.Reference, anchor, allele.Ref, allele.Alt) * length : 0;
            for (int p = anchor; p <= anchor + span; p++)
            {
                positions.Add(p);
            }
        }

        return [.. positions];
    }

    /// <summary>
    /// Counts given indel alleles the way <see cref="Call"/> counts the indels it calls, so that a re-measured count and a
    /// called one mean the same: alt reads are the templates whose CIGAR carries the allele after left-normalisation
    /// (overlapping mates once), depth the filtered pileup depth at the anchor base (at least the alt reads).
    /// </summary>
    /// <param name="input">The sample's reads covering <see cref="IndelMeasurementPositions"/>, reference and transcript.</param>
    /// <param name="pileups">The tumour pileups of <see cref="PileupRequests"/> for the same input.</param>
    /// <param name="alleles">The alleles, left-normalised as the caller reports them.</param>
    /// <returns>One count per allele, in order; null for an allele whose anchor lies outside the tested region.</returns>
    public IReadOnlyList<AlleleMeasurement?> MeasureIndels(SnvCallInput input, SnvPileups pileups, IReadOnlyList<IndelAllele> alleles)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(pileups);
        ArgumentNullException.ThrowIfNull(alleles);
        TestedRegion region = Region(input);
        QualityBands bands = Bands(region, region.Window, pileups.Tumor, "tumour");
        var walker = new ReadSiteWalker(input.Tumor, region.Filter, input.ReferenceId);
        int[] anchors = [.. alleles.Select(a => a.Position.ZeroBased).Distinct().Order()];
        Dictionary<(int, string, string), IndelEvidence.Allele> seen = IndelEvidence.Collect(walker, IndelMeasurementPositions(input, alleles), anchors, input.Reference);
        var counts = new List<AlleleMeasurement?>(alleles.Count);
        foreach (IndelAllele allele in alleles)
        {
            int offset = allele.Position.Value - region.Window.Start.Value;
            if (offset < 0 || offset >= region.Window.Length)
            {
                counts.Add(null);
                continue;
            }

            int alt = seen.TryGetValue((allele.Position.ZeroBased, allele.Ref, allele.Alt), out IndelEvidence.Allele? a) ? a.Forward + a.Reverse : 0;
            counts.Add(new AlleleMeasurement(alt, Math.Max(bands.All.Depth(offset), alt)));
        }

        return counts;
    }

    /// <summary>The tested positions of <paramref name="input"/>, the window over them, the read filter and the band bounds.</summary>
    private TestedRegion Region(SnvCallInput input)
    {
        ReferenceSlice reference = input.Reference;
        TranscriptModel transcript = input.Transcript.Contig == reference.Contig ? input.Transcript : input.Transcript.WithContig(reference.Contig);
        int[] tested = TestedPositions(transcript, reference);
        if (tested.Length == 0)
        {
            throw new ArgumentException($"The reference window {reference.Contig}:{reference.Start}-{reference.End} does not overlap the coding exons of {transcript.TranscriptId}.", nameof(input));
        }

        var window = new ReferenceWindow(input.ReferenceId, new Position(tested[0]), new Position(tested[^1]));
        ReadFilter filter = ReadFilter.Default with
        {
            MinMappingQuality = _options.MinMappingQuality,
            ExcludeFlags = _options.SkipDuplicates ? ReadFilter.DefaultExcludeFlags : ReadFilter.DefaultExcludeFlags & ~SamFlags.Duplicate,
        };
        List<int> bounds = [_options.MinBaseQuality, .. _options.ExtraQualityBands.Where(b => b > _options.MinBaseQuality).Distinct().Order()];
        return new TestedRegion(transcript, tested, window, filter, bounds);
    }

    /// <summary>The tested window in the normal BAM's refIDs.</summary>
    private static ReferenceWindow NormalWindow(SnvCallInput input, ReferenceWindow window) =>
        new(input.NormalReferenceId ?? input.ReferenceId, window.Start, window.End);

    private static List<PileupRequest> BandRequests(TestedRegion region, ReferenceWindow window) =>
        region.Bounds.Select(bound => new PileupRequest
        {
            Window = window,
            Filter = region.Filter,
            MinBaseQuality = bound,
            HandleOverlappingMates = true,
        }).ToList();

    /// <summary>The given pileups as quality bands, after checking they are one per band over <paramref name="window"/>.</summary>
    private static QualityBands Bands(TestedRegion region, ReferenceWindow window, IReadOnlyList<PileupCounts> pileups, string sample)
    {
        ArgumentNullException.ThrowIfNull(pileups);
        if (pileups.Count != region.Bounds.Count || pileups.Any(p => p.Window != window))
        {
            throw new ArgumentException(
                $"the {sample} pileups are not the ones asked for: {region.Bounds.Count} over refID {window.ReferenceId} {window.Start}-{window.End} expected, {pileups.Count} given",
                nameof(pileups));
        }

        return new QualityBands(region.Bounds, pileups);
    }

    /// <summary>Every (tested index, alternative base) whose tumour alt count is significant.</summary>
    private IEnumerable<(int Index, PileupChannel Alt, double P)> Significant(
        QualityBands bands, BandErrorModel model, double threshold, int[] offsets, byte[] refChannels)
    {
        for (int i = 0; i < offsets.Length; i++)
        {
            if (refChannels[i] > 3)
            {
                continue;
            }

            foreach (PileupChannel alt in Bases)
            {
                if ((int)alt == refChannels[i])
                {
                    continue;
                }

                int altReads = bands.All.Get(offsets[i], alt);
                if (altReads < Math.Min(2, _options.MinAltReads))
                {
                    continue;
                }

                double p = model.PValue(offsets[i], altReads, _options.MaxTestedAltReads);
                if (p < threshold)
                {
                    yield return (i, alt, p);
                }
            }
        }
    }

    /// <summary>The 0-based anchor positions (the base before each tested position) with enough indel reads to examine.</summary>
    private List<int> IndelSites(PileupCounts all, int[] tested, int[] offsets)
    {
        List<int> sites = [];
        for (int i = 0; i < tested.Length; i++)
        {
            if (all.Get(offsets[i], PileupChannel.Insertion) >= _options.MinAltReads || all.Get(offsets[i], PileupChannel.Deletion) >= _options.MinAltReads)
            {
                sites.Add(tested[i] - 1);
            }
        }

        return sites;
    }

    private SnvVariant BuildSnv(SiteContext ctx, int position, int offset, PileupChannel refChannel, PileupChannel alt, double p)
    {
        PileupCounts all = ctx.Bands.All;
        var altCounts = new StrandCounts(all.Get(offset, alt, false), all.Get(offset, alt, true));
        var refCounts = new StrandCounts(all.Get(offset, refChannel, false), all.Get(offset, refChannel, true));
        int depth = all.Depth(offset);

        // Per-read artefact checks at this site only.
        int altCode = 1 << (int)alt;
        int refCode = 1 << (int)refChannel;
        List<int> altDistances = [];
        int altClipped = 0;
        int refClipped = 0;
        int refSeen = 0;
        foreach (int r in ctx.Walker.ReadsCovering(position - 1))
        {
            if (!ctx.Walker.TryGetBase(r, position - 1, _options.SoftClipWindow, out int code, out int quality, out int distance, out bool clipped) ||
                quality < _options.MinBaseQuality)
            {
                continue;
            }

            if (code == altCode)
            {
                altDistances.Add(distance);
                altClipped += clipped ? 1 : 0;
            }
            else if (code == refCode)
            {
                refSeen++;
                refClipped += clipped ? 1 : 0;
            }
        }

        double medianDistance = Median(altDistances);
        double altClipFraction = altDistances.Count == 0 ? 0 : (double)altClipped / altDistances.Count;
        double refClipFraction = refSeen == 0 ? 0 : (double)refClipped / refSeen;

        List<SnvFilter> filters = CommonFilters(refCounts, altCounts, medianDistance, altDistances.Count);
        if (altDistances.Count > 0 && altClipFraction >= _options.SoftClipMaxAltFraction && altClipFraction - refClipFraction >= _options.SoftClipMinExcess)
        {
            filters.Add(SnvFilter.SoftClip);
        }

        (int Alt, int Depth)? normal = null;
        if (ctx.NormalBands is not null && ctx.NormalModel is not null)
        {
            int nAlt = ctx.NormalBands.All.Get(offset, alt);
            int nDepth = ctx.NormalBands.All.Depth(offset);
            normal = (nAlt, nDepth);
            if (NormalRejects(nAlt, nDepth, () => ctx.NormalModel.PValue(offset, nAlt, _options.MaxTestedAltReads)))
            {
                filters.Add(SnvFilter.NormalEvidence);
            }
        }

        string refBase = ((char)ctx.Reference.BaseAt(new Position(position))).ToString();
        string altBase = "ACGT"[(int)alt].ToString();
        return new SnvVariant
        {
            Contig = ctx.Reference.Contig,
            Position = new Position(position),
            Ref = refBase,
            Alt = altBase,
            Kind = VariantKind.Snv,
            Depth = depth,
            RefCounts = refCounts,
            AltCounts = altCounts,
            PValue = p,
            Threshold = ctx.Threshold,
            Filters = filters,
            Annotation = ctx.Annotator?.Annotate(new Position(position), refBase, altBase),
            MedianAltReadPosition = medianDistance,
            AltSoftClipFraction = altClipFraction,
            Normal = normal,
        };
    }

    private List<SnvVariant> CallIndels(SiteContext ctx, int[] tested, int[] offsets)
    {
        PileupCounts all = ctx.Bands.All;
        List<int> sites = IndelSites(all, tested, offsets);

        List<SnvVariant> calls = [];
        if (sites.Count == 0)
        {
            return calls;
        }

        int[] anchors = tested.Select(p => p - 1).ToArray();
        Dictionary<(int, string, string), IndelEvidence.Allele> alleles = IndelEvidence.Collect(ctx.Walker, sites, anchors, ctx.Reference);
        Dictionary<(int, string, string), IndelEvidence.Allele>? normalAlleles = ctx.NormalWalker is null
            ? null
            : IndelEvidence.Collect(ctx.NormalWalker, sites, anchors, ctx.Reference);
        foreach (IndelEvidence.Allele allele in alleles.Values)
        {
            int altReads = allele.Forward + allele.Reverse;
            if (altReads < _options.MinAltReads)
            {
                continue;
            }

            int offset = allele.AnchorZeroBased + 1 - ctx.Window.Start.Value;
            int depth = Math.Max(all.Depth(offset), altReads);
            int repeats = IndelEvidence.RepeatCount(ctx.Reference, allele.AnchorZeroBased, allele.Ref, allele.Alt);
            double phred = Math.Max(_options.IndelMinPhred, _options.IndelBasePhred - (_options.IndelPhredPerRepeat * (repeats - 1)));
            double errorRate = Math.Pow(10, -phred / 10);
            double p = PoissonBinomial.BinomialUpperTail(depth, errorRate, Math.Min(altReads, _options.MaxTestedAltReads));
            if (p >= ctx.Threshold)
            {
                continue;
            }

            int basesForward = 0;
            int basesReverse = 0;
            foreach (PileupChannel b in Bases)
            {
                basesForward += all.Get(offset, b, false);
                basesReverse += all.Get(offset, b, true);
            }

            var altCounts = new StrandCounts(allele.Forward, allele.Reverse);
            var refCounts = new StrandCounts(Math.Max(0, basesForward - allele.Forward), Math.Max(0, basesReverse - allele.Reverse));
            double medianDistance = Median(allele.DistancesFromEnd);
            List<SnvFilter> filters = CommonFilters(refCounts, altCounts, medianDistance, allele.DistancesFromEnd.Count);

            (int Alt, int Depth)? normal = null;
            if (normalAlleles is not null && ctx.NormalBands is not null)
            {
                int nAlt = normalAlleles.TryGetValue((allele.AnchorZeroBased, allele.Ref, allele.Alt), out IndelEvidence.Allele? n) ? n.Forward + n.Reverse : 0;
                int nDepth = Math.Max(ctx.NormalBands.All.Depth(offset), nAlt);
                normal = (nAlt, nDepth);
                if (NormalRejects(nAlt, nDepth, () => PoissonBinomial.BinomialUpperTail(nDepth, errorRate, nAlt)))
                {
                    filters.Add(SnvFilter.NormalEvidence);
                }
            }

            var position = Position.FromZeroBased(allele.AnchorZeroBased);
            calls.Add(new SnvVariant
            {
                Contig = ctx.Reference.Contig,
                Position = position,
                Ref = allele.Ref,
                Alt = allele.Alt,
                Kind = allele.Ref.Length > allele.Alt.Length ? VariantKind.Deletion : VariantKind.Insertion,
                Depth = depth,
                RefCounts = refCounts,
                AltCounts = altCounts,
                PValue = p,
                Threshold = ctx.Threshold,
                Filters = filters,
                Annotation = ctx.Annotator?.Annotate(position, allele.Ref, allele.Alt),
                MedianAltReadPosition = medianDistance,
                Normal = normal,
                RepeatCount = repeats,
            });
        }

        return calls;
    }

    private List<SnvFilter> CommonFilters(StrandCounts refCounts, StrandCounts altCounts, double medianDistance, int walkedAltReads)
    {
        List<SnvFilter> filters = [];
        if (StrandBias.Rejects(refCounts, altCounts, _options.StrandBiasMinDifference, _options.StrandBiasAlpha))
        {
            filters.Add(SnvFilter.StrandBias);
        }

        if (walkedAltReads > 0 && medianDistance < _options.MinMedianReadPosition)
        {
            filters.Add(SnvFilter.ReadPosition);
        }

        if (altCounts.Total < _options.MinAltReads)
        {
            filters.Add(SnvFilter.LowAltReads);
        }

        return filters;
    }

    private bool NormalRejects(int normalAlt, int normalDepth, Func<double> normalPValue) =>
        normalAlt >= _options.NormalMinAltReads &&
        normalDepth > 0 &&
        (double)normalAlt / normalDepth >= _options.NormalMinVaf &&
        normalPValue() < _options.NormalAlpha;

    private List<KnownResidueGenotype> KnownResidues(SiteContext ctx, TranscriptModel transcript, List<DetectionLimit> limits, List<SnvVariant> variants)
    {
        List<KnownResidueGenotype> result = [];
        Dictionary<int, DetectionLimit> limitAt = limits.ToDictionary(l => l.Position.Value);
        foreach (int codon in _options.KnownResidueCodons.Distinct().Order())
        {
            if (codon < 1 || codon > transcript.CodonCount)
            {
                continue;
            }

            Position[] positions = transcript.GetCodonPositions(codon);
            if (positions.Any(p => !ctx.Reference.Contains(p) || p < ctx.Window.Start || p > ctx.Window.End))
            {
                continue;
            }

            string label = KnownCodons.ByCodon(codon)?.Label
                ?? (ctx.Annotator is null ? codon.ToString(CultureInfo.InvariantCulture) : $"{ctx.Annotator.ReferenceProtein[codon - 1]}{codon}");
            List<AlleleCounts> bases = [];
            foreach (Position p in positions)
            {
                int offset = p.Value - ctx.Window.Start.Value;
                PileupCounts all = ctx.Bands.All;
                StrandCounts Count(PileupChannel c) => new(all.Get(offset, c, false), all.Get(offset, c, true));
                byte refBase = ctx.Reference.BaseAt(p);
                int refChannel = ChannelOf(refBase);
                char topAlt = '.';
                int topCount = 0;
                foreach (PileupChannel b in Bases)
                {
                    int n = all.Get(offset, b);
                    if ((int)b != refChannel && n > topCount)
                    {
                        topAlt = "ACGT"[(int)b];
                        topCount = n;
                    }
                }

                int depth = all.Depth(offset);
                double pValue = topCount == 0 ? 1 : ctx.Model.PValue(offset, topCount, _options.MaxTestedAltReads);
                double lod = limitAt.TryGetValue(p.Value, out DetectionLimit? limit) ? limit.MinimumVaf : 1;
                bases.Add(new AlleleCounts(
                    p, (char)refBase, depth,
                    Count(PileupChannel.A), Count(PileupChannel.C), Count(PileupChannel.G), Count(PileupChannel.T),
                    Count(PileupChannel.Deletion), Count(PileupChannel.Insertion),
                    topAlt, depth == 0 ? 0 : (double)topCount / depth, pValue, lod));
            }

            int lo = positions.Min(p => p.Value);
            int hi = positions.Max(p => p.Value);
            List<SnvVariant> touching = variants
                .Where(v => positions.Any(p => p.Value >= v.Position.Value + (v.Kind == VariantKind.Snv ? 0 : 1) && p.Value <= v.Position.Value + Math.Max(v.Ref.Length - 1, 0)))
                .Where(v => v.Position.Value <= hi && v.Position.Value + v.Ref.Length - 1 >= lo)
                .ToList();
            result.Add(new KnownResidueGenotype(label, codon, bases, touching));
        }

        return result;
    }

    private List<NotAssessableRegion> NotAssessable(TranscriptModel transcript, List<DetectionLimit> limits)
    {
        List<NotAssessableRegion> runs = [];
        int i = 0;
        while (i < limits.Count)
        {
            if (limits[i].MinimumVaf <= _options.AssessableVaf)
            {
                i++;
                continue;
            }

            int j = i;
            while (j + 1 < limits.Count && limits[j + 1].MinimumVaf > _options.AssessableVaf && limits[j + 1].Position.Value == limits[j].Position.Value + 1)
            {
                j++;
            }

            DetectionLimit a = limits[i];
            DetectionLimit b = limits[j];
            IEnumerable<DetectionLimit> run = limits.Skip(i).Take(j - i + 1);
            int minDepth = run.Min(l => l.Depth);
            int maxDepth = run.Max(l => l.Depth);
            double minLod = run.Min(l => l.MinimumVaf);
            double maxLod = run.Max(l => l.MinimumVaf);
            (DetectionLimit five, DetectionLimit three) = transcript.Strand == Strand.Minus ? (b, a) : (a, b);
            string range = a == b ? $"c.{a.HgvsPosition}" : $"c.{five.HgvsPosition}_{three.HgvsPosition}";
            Exon? exon = transcript.ExonAt(a.Position) ?? transcript.ExonAt(b.Position);
            string where = exon is null ? string.Empty : $" (exon {exon.Number})";
            string reason = maxDepth == 0
                ? "no reads pass the read and base filters"
                : string.Create(CultureInfo.InvariantCulture,
                    $"depth {Range(minDepth, maxDepth)}: minimum detectable VAF {Range(minLod, maxLod)} is above {_options.AssessableVaf:0.###}");
            runs.Add(new NotAssessableRegion(new GenomicInterval(transcript.Contig, a.Position, b.Position), $"{transcript.GeneSymbol} {range}{where}", reason));
            i = j + 1;
        }

        return runs;
    }

    private static string Range(int lo, int hi) => lo == hi ? lo.ToString(CultureInfo.InvariantCulture) : $"{lo}-{hi}";

    private static string Range(double lo, double hi) =>
        Math.Abs(lo - hi) < 0.0005
            ? lo.ToString("0.###", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{lo:0.###}-{hi:0.###}");

    private static SnvQc Qc(SnvReadTally tally, TranscriptModel transcript, QualityBands bands, ReferenceWindow window)
    {
        long sum = 0;
        int bases = 0;
        int at100 = 0;
        int at500 = 0;
        foreach (GenomicInterval cds in transcript.CdsIntervals)
        {
            for (int p = cds.Start.Value; p <= cds.End.Value; p++)
            {
                if (p < window.Start.Value || p > window.End.Value)
                {
                    continue;
                }

                int depth = bands.All.Depth(p - window.Start.Value);
                sum += depth;
                bases++;
                at100 += depth >= 100 ? 1 : 0;
                at500 += depth >= 500 ? 1 : 0;
            }
        }

        int reads = tally.Reads;
        int duplicates = tally.Duplicates;
        return new SnvQc(
            bases,
            bases == 0 ? 0 : (double)sum / bases,
            bases == 0 ? 0 : (double)at100 / bases,
            bases == 0 ? 0 : (double)at500 / bases,
            reads == 0 ? 0 : (double)duplicates / reads,
            reads);
    }

    private int[] TestedPositions(TranscriptModel transcript, ReferenceSlice reference)
    {
        var set = new SortedSet<int>();
        foreach (GenomicInterval cds in transcript.CdsIntervals)
        {
            for (int p = cds.Start.Value - _options.SpliceFlank; p <= cds.End.Value + _options.SpliceFlank; p++)
            {
                if (p >= 1 && reference.Contains(new Position(p)))
                {
                    set.Add(p);
                }
            }
        }

        return set.ToArray();
    }

    private static byte ChannelOf(byte referenceBase) => (char)referenceBase switch
    {
        'A' => 0,
        'C' => 1,
        'G' => 2,
        'T' => 3,
        _ => 4,
    };

    private static double Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        int m = values.Count / 2;
        return values.Count % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2.0;
    }

    private sealed record TestedRegion(TranscriptModel Transcript, int[] Tested, ReferenceWindow Window, ReadFilter Filter, IReadOnlyList<int> Bounds);

    private sealed record SiteContext(
        ReferenceSlice Reference,
        ReferenceWindow Window,
        QualityBands Bands,
        BandErrorModel Model,
        double Threshold,
        ReadSiteWalker Walker,
        QualityBands? NormalBands,
        BandErrorModel? NormalModel,
        ReadSiteWalker? NormalWalker,
        VariantAnnotator? Annotator);
}
