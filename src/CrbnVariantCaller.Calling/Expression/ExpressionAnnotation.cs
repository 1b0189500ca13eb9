using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// Genes to count, as featureCounts meta-features: the exons of every transcript of a gene symbol are merged, and the
/// merged exons are the features of that gene (GTF mode, <c>-t exon -g gene_id</c>, with the symbol as the gene).
/// Contigs are matched to the BAM header by name, also trying the name with and without a <c>chr</c> prefix
/// (and <c>chrM</c>/<c>MT</c>).
/// </summary>
public sealed class ExpressionAnnotation
{
    private readonly Dictionary<string, AnnotatedGene> _bySymbol;

    private ExpressionAnnotation(IReadOnlyList<AnnotatedGene> genes, FeatureIndex index)
    {
        Genes = genes;
        Features = index;
        _bySymbol = genes.ToDictionary(g => g.Symbol, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The genes, in kernel index order.</summary>
    public IReadOnlyList<AnnotatedGene> Genes { get; }

    /// <summary>The feature index handed to the feature-count kernel.</summary>
    public FeatureIndex Features { get; }

    /// <summary>Finds a gene by symbol (case-insensitive).</summary>
    public AnnotatedGene? Find(string symbol) => _bySymbol.GetValueOrDefault(symbol);

    /// <summary>
    /// Builds the annotation from transcript models (for example <c>BuiltInGeneModels.PanelGenes(build)</c> or the
    /// models of a user GTF) and the BAM header's reference names in refID order.
    /// </summary>
    /// <param name="models">Transcript models; those sharing a <see cref="TranscriptModel.GeneSymbol"/> form one gene.</param>
    /// <param name="referenceNames">The BAM header's <c>@SQ</c> names, index = refID.</param>
    /// <param name="onlySymbols">When given, only these genes are kept (case-insensitive).</param>
    /// <exception cref="ArgumentException">A gene symbol has transcripts on two contigs or strands.</exception>
    public static ExpressionAnnotation FromModels(
        IEnumerable<TranscriptModel> models,
        IReadOnlyList<string> referenceNames,
        IEnumerable<string>? onlySymbols = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(referenceNames);
        HashSet<string>? keep = onlySymbols is null ? null : new HashSet<string>(onlySymbols, StringComparer.OrdinalIgnoreCase);
        var refIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < referenceNames.Count; i++)
        {
            refIds.TryAdd(referenceNames[i], i);
        }

        var genes = new List<AnnotatedGene>();
        var features = new List<FeatureInterval>();
        foreach (IGrouping<string, TranscriptModel> group in models
                     .Where(m => keep is null || keep.Contains(m.GeneSymbol))
                     .GroupBy(m => m.GeneSymbol, StringComparer.OrdinalIgnoreCase))
        {
            TranscriptModel first = group.First();
            if (group.Any(m => m.Contig != first.Contig || m.Strand != first.Strand))
            {
                throw new ArgumentException($"gene {group.Key} has transcripts on more than one contig or strand", nameof(models));
            }

            List<GenomicInterval> merged = MergeExons(group.SelectMany(m => m.Exons).Select(e => e.Interval), first.Contig);
            int refId = ResolveReference(first.Contig, refIds);
            int index = genes.Count;
            genes.Add(new AnnotatedGene(index, first.GeneSymbol, first.GeneId, first.Contig, refId, first.Strand,
                merged.Sum(e => e.Length), merged));
            if (refId >= 0)
            {
                features.AddRange(merged.Select(e => new FeatureInterval(refId, e.Start, e.End, first.Strand, index)));
            }
        }

        return new ExpressionAnnotation(genes, new FeatureIndex(features, genes.Count));
    }

    private static List<GenomicInterval> MergeExons(IEnumerable<GenomicInterval> exons, string contig)
    {
        var merged = new List<GenomicInterval>();
        foreach (GenomicInterval e in exons.OrderBy(e => e.Start.Value).ThenBy(e => e.End.Value))
        {
            if (merged.Count > 0 && e.Start.Value <= merged[^1].End.Value + 1)
            {
                GenomicInterval last = merged[^1];
                if (e.End > last.End)
                {
                    merged[^1] = new GenomicInterval(contig, last.Start, e.End);
                }
            }
            else
            {
                merged.Add(new GenomicInterval(contig, e.Start, e.End));
            }
        }

        return merged;
    }

    private static int ResolveReference(string contig, Dictionary<string, int> refIds)
    {
        if (refIds.TryGetValue(contig, out int id))
        {
            return id;
        }

        string alternative = contig switch
        {
            "chrM" => "MT",
            "MT" => "chrM",
            _ when contig.StartsWith("chr", StringComparison.Ordinal) => contig[3..],
            _ => "chr" + contig,
        };
        return refIds.TryGetValue(alternative, out id) ? id : -1;
    }
}
