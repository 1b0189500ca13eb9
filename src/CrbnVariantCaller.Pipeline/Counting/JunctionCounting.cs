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
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(chunks);
        var junctions = new List<IReadOnlyList<JunctionCount>>();
        SplicedReadSubset? total = null;
        foreach (ReadBatch chunk in chunks)
        {
            SplicedReadSubset spliced = analyzer.SelectSplicedReads(chunk, crbnReferenceId, libraryStrandedness);
            junctions.Add(engine.Junctions(spliced.Batch, analyzer.JunctionRequest).Value);
            // The analyzer reads only the subset's counters: the chunks' spliced reads are not kept.
            total = total is null
                ? spliced with { Batch = ReadBatch.Empty }
                : total with { SplicedReads = total.SplicedReads + spliced.SplicedReads, NonUniqueDropped = total.NonUniqueDropped + spliced.NonUniqueDropped };
        }

        total ??= analyzer.SelectSplicedReads(ReadBatch.Empty, crbnReferenceId, libraryStrandedness);
        return analyzer.Analyze(total, ChunkedCounting.Junctions(junctions), crbn);
    }
}
