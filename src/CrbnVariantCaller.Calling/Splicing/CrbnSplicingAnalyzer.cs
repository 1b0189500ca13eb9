using CrbnVariantCaller.Core.Alignment;
using System.Globalization;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// CRBN splicing from RNA-seq alignments: the spliced reads that may count (<see cref="SelectSplicedReads(ReadBatch, int, Strandedness)"/>:
/// unique alignments, strand from the library type or the XS tag), whose junctions the pipeline counts under
/// <see cref="JunctionRequest"/> (minimum anchor, STAR <c>SJ.out.tab</c> coordinates); from those counts the exon-10
/// skipping call with rMATS junction-count semantics and a Wilson interval, and every other CRBN junction annotated
/// with its predicted protein effect.
/// </summary>
/// <example>
/// <code>
/// var analyzer = new CrbnSplicingAnalyzer(SplicingOptions.Default);
/// SplicedReadSubset spliced = analyzer.SelectSplicedReads(batch, chr3RefId, Strandedness.ReverselyStranded);
/// IReadOnlyList&lt;JunctionCount&gt; junctions = engine.Junctions(spliced.Batch, analyzer.JunctionRequest).Value;
/// CrbnSplicingResult result = analyzer.Analyze(spliced, junctions, CrbnTranscript.For(GenomeBuild.GRCh38));
/// Console.WriteLine($"{result.Exon10.Status.ToReportValue()} psi={result.Exon10.PsiSkipped:0.000}");
/// </code>
/// </example>
public sealed class CrbnSplicingAnalyzer
{
    private readonly SplicingOptions _options;

    /// <summary>Creates an analyzer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CrbnSplicingAnalyzer(SplicingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The settings in use.</summary>
    public SplicingOptions Options => _options;

    /// <summary>How the junctions of the selected spliced reads are counted (mapping quality, minimum anchor).</summary>
    public JunctionRequest JunctionRequest => new()
    {
        MinAnchor = _options.MinAnchor,
        Filter = new ReadFilter
        {
            MinMappingQuality = _options.MinMappingQuality,
            ExcludeFlags = ReadFilter.DefaultExcludeFlags | SamFlags.Supplementary,
        },
    };

    /// <summary>
    /// The spliced reads of <paramref name="reads"/> on every reference that may count under this analyzer's rules
    /// (unique alignments, strand source): their junctions are the listing the CRBN analysis is built on, also usable
    /// genome-wide (an SJ.out.tab-like table).
    /// </summary>
    public SplicedReadSubset SelectSplicedReads(ReadBatch reads, Strandedness libraryStrandedness)
    {
        ArgumentNullException.ThrowIfNull(reads);
        return SplicedReadSelection.Select(reads, _options, libraryStrandedness);
    }

    /// <summary>The spliced reads on the CRBN contig that may count, for <see cref="Analyze"/>.</summary>
    /// <param name="rnaReads">RNA alignments covering CRBN (other reads are ignored), in coordinate order.</param>
    /// <param name="crbnReferenceId">The BAM refID of the CRBN contig.</param>
    /// <param name="libraryStrandedness">The library type (detected or given by the user).</param>
    public SplicedReadSubset SelectSplicedReads(ReadBatch rnaReads, int crbnReferenceId, Strandedness libraryStrandedness)
    {
        ArgumentNullException.ThrowIfNull(rnaReads);
        ArgumentOutOfRangeException.ThrowIfNegative(crbnReferenceId);
        return SplicedReadSelection.Select(rnaReads, _options, libraryStrandedness, crbnReferenceId);
    }

    /// <summary>Analyses CRBN splicing.</summary>
    /// <param name="spliced">The spliced reads on the CRBN contig (<see cref="SelectSplicedReads(ReadBatch, int, Strandedness)"/>).</param>
    /// <param name="junctions">The junctions of <paramref name="spliced"/>'s batch, counted under <see cref="JunctionRequest"/>.</param>
    /// <param name="crbn">The CRBN transcript (11 exons, e.g. <see cref="CrbnTranscript.For"/>), named as in the BAM.</param>
    /// <exception cref="ArgumentException">
    /// The transcript has fewer than 11 exons (no exon 9–10–11 to assess), or the reads were not selected on one contig.
    /// </exception>
    /// <param name="reference">Reference bases over CRBN, to compute the Δexon10 protein change from the sequence; null when not at hand.</param>
    public CrbnSplicingResult Analyze(SplicedReadSubset spliced, IReadOnlyList<JunctionCount> junctions, TranscriptModel crbn, Annotation.ReferenceSlice? reference = null)
    {
        ArgumentNullException.ThrowIfNull(spliced);
        ArgumentNullException.ThrowIfNull(junctions);
        ArgumentNullException.ThrowIfNull(crbn);
        if (crbn.Exons.Count < CrbnTranscript.Exon10 + 1)
        {
            throw new ArgumentException($"{crbn.TranscriptId} has {crbn.Exons.Count} exons; exon-10 skipping needs exons 9, 10 and 11.", nameof(crbn));
        }

        if (spliced.ReferenceId is not { } crbnReferenceId)
        {
            throw new ArgumentException("the spliced reads were selected on every reference; select them on the CRBN contig", nameof(spliced));
        }

        // Junctions over the gene on its strand; reads of unknown strand join the gene's strand (same coordinates).
        var byIntron = new Dictionary<(int Start, int End), (int Reads, bool Stranded)>();
        foreach (JunctionCount j in junctions)
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

        var annotator = new JunctionAnnotator(crbn, reference);
        List<JunctionEvent> events = byIntron
            .OrderBy(kv => kv.Key.Start).ThenBy(kv => kv.Key.End)
            .Select(kv => annotator.Annotate(new Position(kv.Key.Start), new Position(kv.Key.End), kv.Value.Stranded ? crbn.Strand : Strand.Unknown, kv.Value.Reads))
            .ToList();

        Exon10Skipping exon10 = AssessExon10(crbn, key => byIntron.GetValueOrDefault((key.Interval.Start.Value, key.Interval.End.Value)).Reads)
            with { ProteinChange = Exon10ProteinChange(crbn, annotator) };
        List<JunctionEvent> reported = events.Where(e => e.Reads >= _options.MinReadsToReportJunction).ToList();
        return new CrbnSplicingResult(
            exon10,
            reported,
            BuildSashimi(crbn, reported),
            spliced.StrandUsed,
            spliced.SplicedReads,
            spliced.NonUniqueDropped);
    }

    /// <summary>The Δexon10 protein change from the sequence: exon 10's coding bases (c.1017–1148 on NM_016302.4) removed.</summary>
    private static string? Exon10ProteinChange(TranscriptModel crbn, JunctionAnnotator annotator)
    {
        Exon exon10 = crbn.GetExon(CrbnTranscript.Exon10);
        CdsPosition a = crbn.GetCdsPosition(exon10.Interval.Start), b = crbn.GetCdsPosition(exon10.Interval.End);
        if (!a.IsCoding || !b.IsCoding)
        {
            return null;
        }

        return annotator.InFrameDeletionProtein(Math.Min(a.Anchor, b.Anchor), Math.Max(a.Anchor, b.Anchor));
    }

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
