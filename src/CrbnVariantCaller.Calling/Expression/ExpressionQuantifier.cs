using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// Gene counts with featureCounts semantics through the feature-count kernel, normalised two ways:
/// <list type="bullet">
/// <item>CPM = counts / library size × 10⁶, the library size being the BAM index's mapped reads (halved when fragments
/// are counted), so it reflects the whole library and not only the counted genes;</item>
/// <item>TPM over the counted genes: rate = counts / exonic length (union of exon bases, featureCounts' <c>Length</c>),
/// TPM = rate / Σ rate × 10⁶. With a panel of genes this is a within-panel TPM: comparable between samples counted
/// with the same genes (the reference cohort records its basis), not with a transcriptome-wide salmon TPM.</item>
/// </list>
/// </summary>
public sealed class ExpressionQuantifier
{
    private readonly ComputeEngine _engine;

    /// <summary>Creates a quantifier that counts on <paramref name="engine"/>.</summary>
    public ExpressionQuantifier(ComputeEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>Counts the genes of <paramref name="annotation"/> in <paramref name="batch"/>.</summary>
    /// <param name="batch">The RNA reads (whole BAM, or the records over the genes with their mates).</param>
    /// <param name="annotation">Genes to count.</param>
    /// <param name="strandedness">Strand mode: <see cref="LibraryStrandDetector.Detect"/> or <see cref="StrandednessCall.FromUser"/>.</param>
    /// <param name="totalMappedReads">Mapped reads of the whole BAM (Σ mapped of <c>BamIndex.GetReferenceCounts</c>); 0 when unknown (CPM is then null).</param>
    /// <param name="options">Counting settings; null for featureCounts' defaults with fragments for paired data.</param>
    public GeneCountResult Quantify(
        ReadBatch batch,
        ExpressionAnnotation annotation,
        StrandednessCall strandedness,
        long totalMappedReads,
        QuantificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(annotation);
        ArgumentNullException.ThrowIfNull(strandedness);
        ArgumentOutOfRangeException.ThrowIfNegative(totalMappedReads);
        options ??= new QuantificationOptions();
        bool fragments = options.CountFragments ?? HasPairedReads(batch);
        ComputeResult<FeatureCountResult> counted = _engine.FeatureCounts(batch, annotation.Features, new FeatureCountRequest
        {
            Strandedness = strandedness.Strandedness,
            CountFragments = fragments,
            MinMappingQuality = options.MinMappingQuality,
            CountMultiMapping = options.CountMultiMapping,
            IgnoreDuplicates = options.IgnoreDuplicates,
        });

        long[] counts = counted.Value.GeneCounts;
        double librarySize = fragments ? totalMappedReads / 2.0 : totalMappedReads;
        double rateSum = 0;
        foreach (AnnotatedGene g in annotation.Genes)
        {
            rateSum += g.ExonicLength > 0 ? counts[g.Index] / (double)g.ExonicLength : 0;
        }

        var genes = annotation.Genes.Select(g =>
        {
            double rate = g.ExonicLength > 0 ? counts[g.Index] / (double)g.ExonicLength : 0;
            double tpm = rateSum > 0 ? rate / rateSum * 1e6 : 0;
            double? cpm = librarySize > 0 ? counts[g.Index] / librarySize * 1e6 : null;
            return new GeneExpression(g.Symbol, counts[g.Index], tpm, cpm, g.ExonicLength);
        });
        var profile = new ExpressionProfile(genes,
            $"feature-count kernel ({counted.Backend}), featureCounts -s {(int)strandedness.Strandedness}{(fragments ? " -p --countReadPairs" : string.Empty)}",
            $"{annotation.Genes.Count} counted genes");
        return new GeneCountResult(profile, strandedness, fragments, librarySize, counted.Value.Summary,
            counted.Backend, counted.Device, counted.Fallback,
            annotation.Genes.Where(g => !g.IsOnReference).Select(g => g.Symbol).ToList());
    }

    private static bool HasPairedReads(ReadBatch batch)
    {
        foreach (ushort flag in batch.Flags)
        {
            if ((flag & (ushort)SamFlags.Paired) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
