using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Formats.Expression;

/// <summary>The records of one sample of an imported table.</summary>
/// <param name="Name">Sample name (column header, or the file name for single-sample formats).</param>
/// <param name="Records">One record per gene id, in file order.</param>
public sealed record ExpressionSample(string Name, IReadOnlyList<ExpressionRecord> Records)
{
    /// <summary>
    /// The records of the genes of <paramref name="genes"/>, keyed by gene symbol. A record matches a gene when its id
    /// equals (case-insensitive) the symbol, the model's gene id (Entrez id for the built-in models, Ensembl id for a
    /// GENCODE GTF; an Ensembl version suffix <c>.N</c> is ignored on both sides), or ends with <c>_SYMBOL</c> (RSEM
    /// references built as <c>ENSG…_SYMBOL</c>). The first matching record wins.
    /// </summary>
    public IReadOnlyDictionary<string, ExpressionRecord> BySymbol(IEnumerable<TranscriptModel> genes)
    {
        ArgumentNullException.ThrowIfNull(genes);
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // key → symbol
        foreach (TranscriptModel m in genes)
        {
            lookup.TryAdd(m.GeneSymbol, m.GeneSymbol);
            if (m.GeneId is { Length: > 0 } id)
            {
                lookup.TryAdd(StripVersion(id), m.GeneSymbol);
            }
        }

        var result = new Dictionary<string, ExpressionRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (ExpressionRecord r in Records)
        {
            string id = r.Id.Trim();
            string? symbol = lookup.GetValueOrDefault(id) ?? lookup.GetValueOrDefault(StripVersion(id));
            if (symbol is null && id.LastIndexOf('_') is int u and > 0)
            {
                symbol = lookup.GetValueOrDefault(id[(u + 1)..]);
            }

            if (symbol is null && id.Contains('|', StringComparison.Ordinal))
            {
                // GENCODE transcript FASTA names, as salmon writes them: ENST…|ENSG…|OTTHUMG…|OTTHUMT…|NAME-201|SYMBOL|length|biotype|
                symbol = id.Split('|', StringSplitOptions.RemoveEmptyEntries)
                    .Select(part => lookup.GetValueOrDefault(part) ?? lookup.GetValueOrDefault(StripVersion(part)))
                    .FirstOrDefault(found => found is not null);
            }

            if (symbol is not null)
            {
                result.TryAdd(symbol, r);
            }
        }

        return result;
    }

    private static string StripVersion(string id) =>
        id.StartsWith("ENS", StringComparison.OrdinalIgnoreCase) && id.LastIndexOf('.') is int dot and > 0 ? id[..dot] : id;
}
