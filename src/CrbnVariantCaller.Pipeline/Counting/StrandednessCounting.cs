using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>Library strandedness detection: the genes counted in both stranded modes on the engine, then the rule.</summary>
public static class StrandednessCounting
{
    /// <summary>Infers the strandedness of <paramref name="reads"/> over the genes of <paramref name="annotation"/>.</summary>
    /// <param name="engine">Counts the genes.</param>
    /// <param name="reads">Reads over the genes (CRBN and the other panel genes).</param>
    /// <param name="annotation">Genes to test; more genes, more evidence.</param>
    /// <param name="options">Thresholds; <c>null</c> for the defaults.</param>
    public static StrandednessCall DetectStrandedness(this ComputeEngine engine, ReadBatch reads, ExpressionAnnotation annotation, StrandDetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(annotation);
        FeatureCountResult Count(Strandedness mode) =>
            engine.FeatureCounts(reads, annotation.Features, LibraryStrandDetector.CountRequest(mode, options)).Value;
        return LibraryStrandDetector.Detect(Count(Strandedness.Stranded), Count(Strandedness.ReverselyStranded), options);
    }
}
