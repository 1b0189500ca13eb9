namespace CrbnVariantCaller.Formats.Expression;

/// <summary>Options of <see cref="ExpressionTableReader"/>.</summary>
public sealed record ExpressionTableReaderOptions
{
    /// <summary>What a plain matrix holds. Default <see cref="MatrixValueKind.Auto"/>.</summary>
    public MatrixValueKind MatrixValues { get; init; } = MatrixValueKind.Auto;

    /// <summary>
    /// Transcript id → gene id, to aggregate a transcript-level salmon table to genes (like tximport). Without it,
    /// GENCODE-style names (<c>ENST…|ENSG…|…|SYMBOL|length|biotype|</c>) are aggregated to their gene name (6th field),
    /// and other names are kept as they are.
    /// </summary>
    public IReadOnlyDictionary<string, string>? TranscriptToGene { get; init; }
}
