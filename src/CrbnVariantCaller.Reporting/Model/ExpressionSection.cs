namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Expression biomarkers and signature scores (<c>expression</c>).</summary>
public sealed record ExpressionSection
{
    /// <summary>Per gene symbol (<c>expression.genes.CRBN</c>); empty without RNA or an expression table.</summary>
    public IReadOnlyDictionary<string, GeneExpression> Genes { get; init; } = new Dictionary<string, GeneExpression>(StringComparer.Ordinal);

    /// <summary>Gene-set signature scores.</summary>
    public IReadOnlyList<SignatureScore> Signatures { get; init; } = [];

    /// <summary>Where counts came from (<c>rna_bam</c>, <c>salmon</c>, <c>featurecounts</c>, <c>rsem</c>, <c>table</c>); null when none.</summary>
    public string? Source { get; init; }

    /// <summary>What percentiles are relative to (a cohort file, <c>batch</c>); null when there is no cohort.</summary>
    public string? PercentileReference { get; init; }

    /// <summary>Library size used for normalisation (mapped reads from the BAM index).</summary>
    public long? LibrarySize { get; init; }
}
