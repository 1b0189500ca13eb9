using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>
/// Library strandedness and gene counts in one pass over the reads: the two detection counts and the gene counts in
/// each strand mode the detection may choose are made chunk by chunk together, so a BAM streamed in several chunks is
/// read once (the feature-count kernel is cheap next to decoding the reads).
/// </summary>
public static class LibraryCounting
{
    /// <summary>Detects the strandedness (unless <paramref name="userStrandedness"/> gives it) and counts the genes.</summary>
    /// <param name="engine">Counts the genes.</param>
    /// <param name="chunks">The reads over the genes, in one or more chunks.</param>
    /// <param name="annotation">Genes to count.</param>
    /// <param name="userStrandedness">The library type when the user knows it; detected when null.</param>
    /// <param name="totalMappedReads">Mapped reads of the whole BAM; 0 when unknown.</param>
    public static (StrandednessCall Strandedness, GeneCountResult Expression) DetectAndQuantify(
        this ComputeEngine engine,
        IEnumerable<ReadBatch> chunks,
        ExpressionAnnotation annotation,
        Strandedness? userStrandedness,
        long totalMappedReads)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(annotation);
        if (userStrandedness is { } given)
        {
            StrandednessCall user = StrandednessCall.FromUser(given);
            return (user, engine.QuantifyGenes(chunks, annotation, user, totalMappedReads));
        }

        Strandedness[] modes = [Strandedness.Unstranded, Strandedness.Stranded, Strandedness.ReverselyStranded];
        FeatureCountRequest[] detect = [LibraryStrandDetector.CountRequest(Strandedness.Stranded), LibraryStrandDetector.CountRequest(Strandedness.ReverselyStranded)];
        FeatureCountRequest[]? requests = null; // the two detection counts, then the gene counts in each mode
        List<FeatureCountResult>[] parts = [];
        bool paired = false;
        BackendKind backend = engine.Primary.Kind;
        int geneCount = annotation.Features.GeneCount;
        foreach (ReadBatch chunk in chunks)
        {
            paired |= ExpressionQuantifier.HasPairedReads(chunk);
            if (requests is null)
            {
                // The first chunk decides whether fragments are counted (checked against all the reads below).
                requests = [.. detect.Concat(modes.Select(m => ExpressionQuantifier.CountRequest(paired, StrandednessCall.FromUser(m)))).Distinct()];
                parts = requests.Select(_ => new List<FeatureCountResult>()).ToArray();
            }

            for (int i = 0; i < requests.Length; i++)
            {
                ComputeResult<FeatureCountResult> counted = engine.FeatureCounts(chunk, annotation.Features, requests[i]);
                parts[i].Add(FeatureCountResult.Sum([counted.Value], geneCount));
                backend = counted.Backend;
            }
        }

        FeatureCountResult Total(FeatureCountRequest r) =>
            requests is null ? FeatureCountResult.Sum([], geneCount) : FeatureCountResult.Sum(parts[Array.IndexOf(requests, r)], geneCount);
        StrandednessCall strand = LibraryStrandDetector.Detect(Total(detect[0]), Total(detect[1]));
        FeatureCountRequest final = ExpressionQuantifier.CountRequest(paired, strand);
        if (requests is not null && !requests.Contains(final))
        {
            // The first chunk had no paired read but a later one had: count again in fragment mode.
            return (strand, engine.QuantifyGenes(chunks, annotation, strand, totalMappedReads));
        }

        return (strand, ExpressionQuantifier.Quantify(Total(final), final, annotation, strand, totalMappedReads, $"feature-count kernel ({backend})"));
    }
}
