using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>CRBN splicing: the analyzer selects the spliced reads, the engine counts their junctions, the analyzer calls.</summary>
public static class JunctionCounting
{
    /// <summary>Analyses CRBN splicing in one batch of RNA reads.</summary>
    public static CrbnSplicingResult AnalyzeCrbnSplicing(
        this ComputeEngine engine, CrbnSplicingAnalyzer analyzer, ReadBatch rnaReads, TranscriptModel crbn, int crbnReferenceId, Strandedness libraryStrandedness) =>
        engine.AnalyzeCrbnSplicing(analyzer, [rnaReads], crbn, crbnReferenceId, libraryStrandedness);

    /// <summary>Analyses CRBN splicing in the RNA reads, chunk by chunk: spliced reads selected and their junctions counted per chunk, then added up.</summary>
    /// <param name="engine">Counts the junctions.</param>
    /// <param name="analyzer">The analyzer (its options decide which reads and junctions count).</param>
    /// <param name="chunks">RNA alignments covering CRBN (other reads are ignored), in coordinate order, in one or more chunks.</param>
    /// <param name="crbn">The CRBN transcript, named as in the BAM.</param>
    /// <param name="crbnReferenceId">The BAM refID of the CRBN contig.</param>
    /// <param name="libraryStrandedness">The library type (detected or given by the user).</param>
    public static CrbnSplicingResult AnalyzeCrbnSplicing(
        this ComputeEngine engine,
        CrbnSplicingAnalyzer analyzer,
        IEnumerable<ReadBatch> chunks,
        TranscriptModel crbn,
        int crbnReferenceId,
        Strandedness libraryStrandedness)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var tally = new CrbnSplicingTally(engine, analyzer, crbnReferenceId, libraryStrandedness);
        foreach (ReadBatch chunk in chunks)
        {
            tally.Add(chunk);
        }

        return tally.Result(crbn);
    }
}

/// <summary>
/// CRBN splicing added up chunk by chunk: each chunk's spliced reads are selected and their junctions counted, so the
/// splicing can ride along another pass over the same reads (the expressed-variant pileups).
/// </summary>
public sealed class CrbnSplicingTally
{
    private readonly ComputeEngine _engine;
    private readonly CrbnSplicingAnalyzer _analyzer;
    private readonly int _crbnReferenceId;
    private readonly Strandedness _library;
    private readonly List<IReadOnlyList<JunctionCount>> _junctions = [];
    private SplicedReadSubset? _total;

    /// <summary>Starts an empty tally.</summary>
    public CrbnSplicingTally(ComputeEngine engine, CrbnSplicingAnalyzer analyzer, int crbnReferenceId, Strandedness libraryStrandedness)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(analyzer);
        _engine = engine;
        _analyzer = analyzer;
        _crbnReferenceId = crbnReferenceId;
        _library = libraryStrandedness;
    }

    /// <summary>Selects the spliced reads of <paramref name="chunk"/> and counts their junctions.</summary>
    public void Add(ReadBatch chunk)
    {
        SplicedReadSubset spliced = _analyzer.SelectSplicedReads(chunk, _crbnReferenceId, _library);
        _junctions.Add(_engine.Junctions(spliced.Batch, _analyzer.JunctionRequest).Value);

        // The analyzer reads only the subset's counters: the chunks' spliced reads are not kept.
        _total = _total is null
            ? spliced with { Batch = ReadBatch.Empty }
            : _total with { SplicedReads = _total.SplicedReads + spliced.SplicedReads, NonUniqueDropped = _total.NonUniqueDropped + spliced.NonUniqueDropped };
    }

    /// <summary>The splicing of every read added.</summary>
    public CrbnSplicingResult Result(TranscriptModel crbn, CrbnVariantCaller.Calling.Annotation.ReferenceSlice? reference = null) =>
        _analyzer.Analyze(_total ?? _analyzer.SelectSplicedReads(ReadBatch.Empty, _crbnReferenceId, _library), ChunkedCounting.Junctions(_junctions), crbn, reference);
}
