using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>Library strandedness detection: the genes counted in both stranded modes on the engine, then the rule.</summary>
public static class StrandednessCounting
{
    /// <summary>Infers the strandedness of one batch of reads over the genes of <paramref name="annotation"/>.</summary>
    public static StrandednessCall DetectStrandedness(this ComputeEngine engine, ReadBatch reads, ExpressionAnnotation annotation, StrandDetectionOptions? options = null) =>
        engine.DetectStrandedness([reads], annotation, options);

    /// <summary>Infers the strandedness of the reads over the genes of <paramref name="annotation"/>, in one pass over the chunks.</summary>
    /// <param name="engine">Counts the genes.</param>
    /// <param name="chunks">Reads over the genes (CRBN and the other panel genes), in one or more chunks.</param>
    /// <param name="annotation">Genes to test; more genes, more evidence.</param>
    /// <param name="options">Thresholds; <c>null</c> for the defaults.</param>
    public static StrandednessCall DetectStrandedness(this ComputeEngine engine, IEnumerable<ReadBatch> chunks, ExpressionAnnotation annotation, StrandDetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(annotation);
        IReadOnlyList<FeatureCountResult> counts = engine.FeatureCounts(
            chunks,
            annotation.Features,
            [LibraryStrandDetector.CountRequest(Strandedness.Stranded, options), LibraryStrandDetector.CountRequest(Strandedness.ReverselyStranded, options)]);
        return LibraryStrandDetector.Detect(counts[0], counts[1], options);
    }
}
