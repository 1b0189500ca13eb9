using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>CRBN splicing: the analyzer selects the spliced reads, the engine counts their junctions, the analyzer calls.</summary>
public static class JunctionCounting
{
    /// <summary>Analyses CRBN splicing in <paramref name="rnaReads"/>.</summary>
    /// <param name="engine">Counts the junctions.</param>
    /// <param name="analyzer">The analyzer (its options decide which reads and junctions count).</param>
    /// <param name="rnaReads">RNA alignments covering CRBN (other reads are ignored), in coordinate order.</param>
    /// <param name="crbn">The CRBN transcript, named as in the BAM.</param>
    /// <param name="crbnReferenceId">The BAM refID of the CRBN contig.</param>
    /// <param name="libraryStrandedness">The library type (detected or given by the user).</param>
    public static CrbnSplicingResult AnalyzeCrbnSplicing(
        this ComputeEngine engine,
        CrbnSplicingAnalyzer analyzer,
        ReadBatch rnaReads,
        TranscriptModel crbn,
        int crbnReferenceId,
        Strandedness libraryStrandedness)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(analyzer);
        SplicedReadSubset spliced = analyzer.SelectSplicedReads(rnaReads, crbnReferenceId, libraryStrandedness);
        return analyzer.Analyze(spliced, engine.Junctions(spliced.Batch, analyzer.JunctionRequest).Value, crbn);
    }
}
