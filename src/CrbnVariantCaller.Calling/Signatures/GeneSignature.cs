namespace CrbnVariantCaller.Calling.Signatures;

/// <summary>
/// A user-supplied gene set with adverse and favourable genes (the IMiD-14 score is the motivating case; its 14 genes
/// are not public, so the tool ships the file format and an example, never a list).
/// </summary>
public sealed class GeneSignature
{
    /// <summary>Creates a signature.</summary>
    /// <exception cref="ArgumentException">No genes, a gene listed twice, or a weight that is not positive and finite.</exception>
    public GeneSignature(string name, IEnumerable<SignatureGene> genes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(genes);
        Name = name;
        Genes = genes.ToList();
        if (Genes.Count == 0)
        {
            throw new ArgumentException("a signature needs at least one gene", nameof(genes));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (SignatureGene g in Genes)
        {
            if (!seen.Add(g.Symbol))
            {
                throw new ArgumentException($"gene {g.Symbol} is listed twice", nameof(genes));
            }

            if (!(g.Weight > 0) || double.IsInfinity(g.Weight))
            {
                throw new ArgumentException($"gene {g.Symbol} has weight {g.Weight}; weights must be positive", nameof(genes));
            }
        }
    }

    /// <summary>Name for the report (e.g. the file name).</summary>
    public string Name { get; }

    /// <summary>All genes, in file order.</summary>
    public IReadOnlyList<SignatureGene> Genes { get; }

    /// <summary>The adverse genes.</summary>
    public IEnumerable<SignatureGene> Adverse => Genes.Where(g => g.Direction == SignatureDirection.Adverse);

    /// <summary>The favourable genes.</summary>
    public IEnumerable<SignatureGene> Favourable => Genes.Where(g => g.Direction == SignatureDirection.Favourable);
}
