using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// Gene counts with featureCounts semantics (counted by the pipeline under <see cref="CountRequest"/>), normalised two ways:
/// <list type="bullet">
/// <item>CPM = counts / library size × 10⁶, the library size being the BAM index's mapped reads (halved when fragments
/// are counted), so it reflects the whole library and not only the counted genes;</item>
/// <item>TPM over the counted genes: rate = counts / exonic length (union of exon bases, featureCounts' <c>Length</c>),
/// TPM = rate / Σ rate × 10⁶. With a panel of genes this is a within-panel TPM: comparable between samples counted
/// with the same genes (the reference cohort records its basis), not with a transcriptome-wide salmon TPM.</item>
/// </list>
/// </summary>
public static class ExpressionQuantifier
{
    /// <summary>How the genes of <paramref name="batch"/> are counted for <see cref="Quantify"/>.</summary>
    /// <param name="batch">The RNA reads (whole BAM, or the records over the genes with their mates).</param>
    /// <param name="strandedness">Strand mode: <see cref="LibraryStrandDetector.Detect"/> or <see cref="StrandednessCall.FromUser"/>.</param>
    /// <param name="options">Counting settings; null for featureCounts' defaults with fragments for paired data.</param>
    public static FeatureCountRequest CountRequest(ReadBatch batch, StrandednessCall strandedness, QuantificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return CountRequest(HasPairedReads(batch), strandedness, options);
    }

    /// <summary>The same, for reads seen in chunks: <paramref name="pairedReads"/> says whether any read is paired.</summary>
    public static FeatureCountRequest CountRequest(bool pairedReads, StrandednessCall strandedness, QuantificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(strandedness);
        options ??= new QuantificationOptions();
        return new FeatureCountRequest
        {
            Strandedness = strandedness.Strandedness,
            CountFragments = options.CountFragments ?? pairedReads,
            MinMappingQuality = options.MinMappingQuality,
            CountMultiMapping = options.CountMultiMapping,
            IgnoreDuplicates = options.IgnoreDuplicates,
        };
    }

    /// <summary>Normalises the gene counts of <paramref name="annotation"/>.</summary>
    /// <param name="counts">The feature counts over <paramref name="annotation"/>'s features under <paramref name="request"/>.</param>
    /// <param name="request">How they were counted (<see cref="CountRequest"/>).</param>
    /// <param name="annotation">Genes counted.</param>
    /// <param name="strandedness">The strand mode of <paramref name="request"/>, with its evidence.</param>
    /// <param name="totalMappedReads">Mapped reads of the whole BAM (Σ mapped of <c>BamIndex.GetReferenceCounts</c>); 0 when unknown (CPM is then null).</param>
    /// <param name="countedBy">What counted, for the profile's source (e.g. <c>"feature-count kernel (Cpu)"</c>).</param>
    /// <exception cref="ArgumentException">The counts or the request do not fit the annotation or the strand mode.</exception>
    public static GeneCountResult Quantify(
        FeatureCountResult counts,
        FeatureCountRequest request,
        ExpressionAnnotation annotation,
        StrandednessCall strandedness,
        long totalMappedReads,
        string countedBy)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(annotation);
        ArgumentNullException.ThrowIfNull(strandedness);
        ArgumentNullException.ThrowIfNull(countedBy);
        ArgumentOutOfRangeException.ThrowIfNegative(totalMappedReads);
        if (request.Strandedness != strandedness.Strandedness)
        {
            throw new ArgumentException($"the genes were counted with -s {(int)request.Strandedness}, not the library's -s {(int)strandedness.Strandedness}", nameof(request));
        }

        if (counts.GeneCounts.Length != annotation.Genes.Count)
        {
            throw new ArgumentException($"{counts.GeneCounts.Length} gene counts for {annotation.Genes.Count} genes", nameof(counts));
        }

        bool fragments = request.CountFragments;
        long[] geneCounts = counts.GeneCounts;
        double librarySize = fragments ? totalMappedReads / 2.0 : totalMappedReads;
        double rateSum = 0;
        foreach (AnnotatedGene g in annotation.Genes)
        {
            rateSum += g.ExonicLength > 0 ? geneCounts[g.Index] / (double)g.ExonicLength : 0;
        }

        var genes = annotation.Genes.Select(g =>
        {
            double rate = g.ExonicLength > 0 ? geneCounts[g.Index] / (double)g.ExonicLength : 0;
            double tpm = rateSum > 0 ? rate / rateSum * 1e6 : 0;
            double? cpm = librarySize > 0 ? geneCounts[g.Index] / librarySize * 1e6 : null;
            return new GeneExpression(g.Symbol, geneCounts[g.Index], tpm, cpm, g.ExonicLength);
        });
        var profile = new ExpressionProfile(genes,
            $"{countedBy}, featureCounts -s {(int)strandedness.Strandedness}{(fragments ? " -p --countReadPairs" : string.Empty)}",
            $"{annotation.Genes.Count} counted genes");
        return new GeneCountResult(profile, strandedness, fragments, librarySize, counts.Summary,
            annotation.Genes.Where(g => !g.IsOnReference).Select(g => g.Symbol).ToList());
    }

    /// <summary>Whether any read of <paramref name="batch"/> is paired (fragments are then counted unless told otherwise).</summary>
    public static bool HasPairedReads(ReadBatch batch)
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
