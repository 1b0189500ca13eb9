using CrbnVariantCaller.Core.Alignment;
using System.Globalization;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// CRBN splicing from RNA-seq alignments: junctions through the junction kernel (unique alignments, minimum anchor,
/// strand from the library type or the XS tag, STAR <c>SJ.out.tab</c> coordinates), the exon-10 skipping call with
/// rMATS junction-count semantics and a Wilson interval, and every other CRBN junction annotated with its predicted
/// protein effect.
/// </summary>
/// <example>
/// <code>
/// var analyzer = new CrbnSplicingAnalyzer(engine, SplicingOptions.Default);
/// CrbnSplicingResult result = analyzer.Analyze(batch, CrbnTranscript.For(GenomeBuild.GRCh38), chr3RefId, Strandedness.ReverselyStranded);
/// Console.WriteLine($"{result.Exon10.Status.ToReportValue()} psi={result.Exon10.PsiSkipped:0.000}");
/// </code>
/// </example>
public sealed class CrbnSplicingAnalyzer
{
    private readonly ComputeEngine _engine;
    private readonly SplicingOptions _options;

    /// <summary>Creates an analyzer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CrbnSplicingAnalyzer(ComputeEngine engine, SplicingOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _engine = engine;
        _options = options;
    }

    /// <summary>The settings in use.</summary>
    public SplicingOptions Options => _options;

    /// <summary>
    /// Every junction in <paramref name="reads"/>, on every reference, counted under this analyzer's rules (unique
    /// alignments, minimum anchor, strand source): the listing the CRBN analysis is built on, also usable genome-wide
    /// (an SJ.out.tab-like table).
    /// </summary>
    public ComputeResult<IReadOnlyList<JunctionCount>> ListJunctions(ReadBatch reads, Strandedness libraryStrandedness)
    {
        ArgumentNullException.ThrowIfNull(reads);
        SplicedReadSelection.Selection selection = SplicedReadSelection.Select(reads, _options, libraryStrandedness);
        return CountJunctions(selection.Batch);
    }

    /// <summary>Analyses CRBN splicing.</summary>
    /// <param name="rnaReads">RNA alignments covering CRBN (other reads are ignored), in coordinate order.</param>
    /// <param name="crbn">The CRBN transcript (11 exons, e.g. <see cref="CrbnTranscript.For"/>), named as in the BAM.</param>
    /// <param name="crbnReferenceId">The BAM refID of the CRBN contig.</param>
    /// <param name="libraryStrandedness">The library type (detected or given by the user).</param>
    /// <exception cref="ArgumentException">The transcript has fewer than 11 exons (no exon 9–10–11 to assess).</exception>
    public CrbnSplicingResult Analyze(ReadBatch rnaReads, TranscriptModel crbn, int crbnReferenceId, Strandedness libraryStrandedness)
    {
        ArgumentNullException.ThrowIfNull(rnaReads);
        ArgumentNullException.ThrowIfNull(crbn);
        ArgumentOutOfRangeException.ThrowIfNegative(crbnReferenceId);
        if (crbn.Exons.Count < CrbnTranscript.Exon10 + 1)
        {
            throw new ArgumentException($"{crbn.TranscriptId} has {crbn.Exons.Count} exons; exon-10 skipping needs exons 9, 10 and 11.", nameof(crbn));
        }

        SplicedReadSelection.Selection selection = SplicedReadSelection.Select(rnaReads, _options, libraryStrandedness, id => id == crbnReferenceId);
        ComputeResult<IReadOnlyList<JunctionCount>> counted = CountJunctions(selection.Batch);

        // Junctions over the gene on its strand; reads of unknown strand join the gene's strand (same coordinates).
        var byIntron = new Dictionary<(int Start, int End), (int Reads, bool Stranded)>();
        foreach (JunctionCount j in counted.Value)
        {
            if (j.ReferenceId != crbnReferenceId || j.IntronStart > crbn.Span.End || j.IntronEnd < crbn.Span.Start)
            {
                continue;
            }

            if (j.Strand != Strand.Unknown && j.Strand != crbn.Strand)
            {
                continue;
            }

            var key = (j.IntronStart.Value, j.IntronEnd.Value);
            (int reads, bool stranded) = byIntron.GetValueOrDefault(key);
            byIntron[key] = (reads + j.Reads, stranded || j.Strand != Strand.Unknown);
        }

        var annotator = new JunctionAnnotator(crbn);
        List<JunctionEvent> events = byIntron
            .OrderBy(kv => kv.Key.Start).ThenBy(kv => kv.Key.End)
            .Select(kv => annotator.Annotate(new Position(kv.Key.Start), new Position(kv.Key.End), kv.Value.Stranded ? crbn.Strand : Strand.Unknown, kv.Value.Reads))
            .ToList();

        Exon10Skipping exon10 = AssessExon10(crbn, key => byIntron.GetValueOrDefault((key.Interval.Start.Value, key.Interval.End.Value)).Reads);
        List<JunctionEvent> reported = events.Where(e => e.Reads >= _options.MinReadsToReportJunction).ToList();
        return new CrbnSplicingResult(
            exon10,
            reported,
            BuildSashimi(crbn, reported),
            selection.StrandUsed,
            selection.SplicedReads,
            selection.NonUniqueDropped,
            counted.Backend,
            counted.Device,
            counted.Fallback);
    }

    private ComputeResult<IReadOnlyList<JunctionCount>> CountJunctions(ReadBatch spliced) =>
        _engine.Junctions(spliced, new JunctionRequest
        {
            MinAnchor = _options.MinAnchor,
            Filter = new ReadFilter
            {
                MinMappingQuality = _options.MinMappingQuality,
                ExcludeFlags = ReadFilter.DefaultExcludeFlags | SamFlags.Supplementary,
            },
        });

    private Exon10Skipping AssessExon10(TranscriptModel crbn, Func<Intron, int> readsOn)
    {
        Intron skip = crbn.SkipJunction(CrbnTranscript.Exon10);
        Intron intron9 = crbn.Introns[CrbnTranscript.Exon10 - 2];
        Intron intron10 = crbn.Introns[CrbnTranscript.Exon10 - 1];
        int s = readsOn(skip);
        int i9 = readsOn(intron9);
        int i10 = readsOn(intron10);
        int inclusion = i9 + i10;
        double effective = s + (inclusion / 2.0);
        double level = _options.ConfidenceLevel;
        string pct = level.ToString("P0", CultureInfo.InvariantCulture);

        double? psi = null;
        double? low = null;
        double? high = null;
        string estimate = "no junction read over exon 10";
        if (effective > 0)
        {
            psi = s / effective;
            WilsonInterval ci = WilsonInterval.Compute(s, effective, level);
            low = ci.Low;
            high = ci.High;
            estimate = Invariant($"psi_skipped = {s} / ({s} + {inclusion}/2) = {psi:0.000} ({pct} CI {low:0.000}–{high:0.000})");
        }

        string counts = Invariant($"{s} skip-junction reads (exon 9→11), {inclusion} inclusion reads ({i9} intron 9 + {i10} intron 10), effective {effective:0.#}");
        SkippingStatus status;
        string reasoning;
        if (effective < _options.MinEffectiveReadsToAssess)
        {
            status = SkippingStatus.NotAssessable;
            reasoning = Invariant(
                $"not assessable: {counts} is below the {_options.MinEffectiveReadsToAssess:0.#} effective junction reads needed to judge exon-10 skipping; {estimate}.");
        }
        else if (s >= _options.MinSkipReadsToDetect && low > _options.MinPsiLowerBoundToDetect)
        {
            status = SkippingStatus.Detected;
            reasoning = Invariant(
                $"detected: {counts}; {estimate}. The skip junction has at least {_options.MinSkipReadsToDetect} reads and the lower bound exceeds {_options.MinPsiLowerBoundToDetect:0.###}.");
        }
        else
        {
            status = SkippingStatus.NotDetected;
            string why = s < _options.MinSkipReadsToDetect
                ? Invariant($"fewer than {_options.MinSkipReadsToDetect} skip-junction reads")
                : Invariant($"the lower bound does not exceed {_options.MinPsiLowerBoundToDetect:0.###}");
            reasoning = Invariant($"not detected ({why}): {counts}; {estimate}; the data exclude psi_skipped above {high:0.000} at {pct} confidence.");
        }

        return new Exon10Skipping(status, psi, low, high, level, s, inclusion, i9, i10, skip, intron9, intron10, reasoning);
    }

    private static SashimiPlotData BuildSashimi(TranscriptModel crbn, IReadOnlyList<JunctionEvent> junctions)
    {
        var exons = crbn.Exons.Select(e => new SashimiExon(e.Number, e.Interval.Start, e.Interval.End)).ToList();
        var arcs = junctions
            .Select(j => new SashimiArc(j.IntronStart.Offset(-1), j.IntronEnd.Offset(1), j.Reads, j.Kind, j.Label))
            .ToList();
        Position start = arcs.Select(a => a.Start).Append(crbn.Span.Start).Min();
        Position end = arcs.Select(a => a.End).Append(crbn.Span.End).Max();
        return new SashimiPlotData(crbn.Contig, start, end, crbn.Strand, exons, arcs);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
