using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>Gene expression: the genes counted on the engine in the library's strand mode, then normalised.</summary>
public static class GeneCounting
{
    /// <summary>Counts and normalises the genes of <paramref name="annotation"/> in <paramref name="reads"/>.</summary>
    /// <param name="engine">Counts the genes.</param>
    /// <param name="reads">The RNA reads (whole BAM, or the records over the genes with their mates).</param>
    /// <param name="annotation">Genes to count.</param>
    /// <param name="strandedness">Strand mode: <see cref="StrandednessCounting.DetectStrandedness"/> or <see cref="StrandednessCall.FromUser"/>.</param>
    /// <param name="totalMappedReads">Mapped reads of the whole BAM; 0 when unknown (CPM is then null).</param>
    /// <param name="options">Counting settings; null for featureCounts' defaults with fragments for paired data.</param>
    public static GeneCountResult QuantifyGenes(
        this ComputeEngine engine,
        ReadBatch reads,
        ExpressionAnnotation annotation,
        StrandednessCall strandedness,
        long totalMappedReads,
        QuantificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(annotation);
        FeatureCountRequest request = ExpressionQuantifier.CountRequest(reads, strandedness, options);
        ComputeResult<FeatureCountResult> counted = engine.FeatureCounts(reads, annotation.Features, request);
        return ExpressionQuantifier.Quantify(counted.Value, request, annotation, strandedness, totalMappedReads, $"feature-count kernel ({counted.Backend})");
    }
}
