using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>Gene expression: the genes counted on the engine in the library's strand mode, then normalised.</summary>
public static class GeneCounting
{
    /// <summary>Counts and normalises the genes of <paramref name="annotation"/> in one batch of reads.</summary>
    public static GeneCountResult QuantifyGenes(
        this ComputeEngine engine,
        ReadBatch reads,
        ExpressionAnnotation annotation,
        StrandednessCall strandedness,
        long totalMappedReads,
        QuantificationOptions? options = null) =>
        engine.QuantifyGenes([reads], annotation, strandedness, totalMappedReads, options);

    /// <summary>Counts and normalises the genes of <paramref name="annotation"/> in the reads, chunk by chunk.</summary>
    /// <param name="engine">Counts the genes.</param>
    /// <param name="chunks">The RNA reads (the records over the genes with their mates), in one or more chunks.</param>
    /// <param name="annotation">Genes to count.</param>
    /// <param name="strandedness">Strand mode: <see cref="StrandednessCounting.DetectStrandedness(ComputeEngine, IEnumerable{ReadBatch}, ExpressionAnnotation, StrandDetectionOptions?)"/> or <see cref="StrandednessCall.FromUser"/>.</param>
    /// <param name="totalMappedReads">Mapped reads of the whole BAM; 0 when unknown (CPM is then null).</param>
    /// <param name="options">Counting settings; null for featureCounts' defaults with fragments for paired data.</param>
    /// <remarks>
    /// Whether fragments are counted depends on whether any read is paired; the first chunk decides the mode, and in the
    /// rare file whose later chunks disagree the reads are counted again in the right mode.
    /// </remarks>
    public static GeneCountResult QuantifyGenes(
        this ComputeEngine engine,
        IEnumerable<ReadBatch> chunks,
        ExpressionAnnotation annotation,
        StrandednessCall strandedness,
        long totalMappedReads,
        QuantificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(annotation);
        FeatureCountRequest? request = null;
        bool paired = false;
        var parts = new List<FeatureCountResult>();
        BackendKind backend = engine.Primary.Kind;
        int geneCount = annotation.Features.GeneCount;
        foreach (ReadBatch chunk in chunks)
        {
            paired |= ExpressionQuantifier.HasPairedReads(chunk);
            request ??= ExpressionQuantifier.CountRequest(paired, strandedness, options);
            ComputeResult<FeatureCountResult> counted = engine.FeatureCounts(chunk, annotation.Features, request);
            parts.Add(FeatureCountResult.Sum([counted.Value], geneCount));
            backend = counted.Backend;
        }

        FeatureCountRequest final = ExpressionQuantifier.CountRequest(paired, strandedness, options);
        FeatureCountResult counts = request is not null && request == final
            ? FeatureCountResult.Sum(parts, geneCount)
            : engine.FeatureCounts(chunks, annotation.Features, [final])[0];
        return ExpressionQuantifier.Quantify(counts, final, annotation, strandedness, totalMappedReads, $"feature-count kernel ({backend})");
    }
}
