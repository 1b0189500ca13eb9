namespace CrbnVariantCaller.Formats.Expression;

/// <summary>
/// A signature gene-set file (specification in <c>Expression/README.md</c>; example in
/// <c>examples/signature.example.tsv</c>): tab-separated <c>gene, direction[, weight]</c> with direction
/// <c>adverse</c> or <c>favourable</c> (also <c>favorable</c>), an optional header row <c>gene direction [weight]</c>,
/// <c>#</c> comments, and an optional <c>#name=…</c> comment naming the signature.
/// </summary>
/// <param name="FilePath">The file.</param>
/// <param name="Name">The <c>#name=</c> value, or the file name without extension.</param>
/// <param name="Entries">The genes, in file order.</param>
public sealed record SignatureGeneSetFile(string FilePath, string Name, IReadOnlyList<SignatureFileEntry> Entries)
{
    /// <summary>Reads and validates a signature file.</summary>
    /// <exception cref="ExpressionTableFormatException">A line is malformed, a gene is listed twice, or the file lists no adverse or no favourable gene.</exception>
    public static SignatureGeneSetFile Read(string path)
    {
        using DelimitedLines lines = DelimitedLines.Open(path);
        var entries = new List<SignatureFileEntry>();
        var seen = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        bool first = true;
        while (lines.Next() is { } row)
        {
            string[] f = row.Fields.Select(x => x.Trim()).ToArray();
            if (first && f[0].Equals("gene", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }

            first = false;
            if (f.Length is < 2 or > 3)
            {
                throw lines.Error(row.Line, $"expected 'gene<TAB>direction[<TAB>weight]', found {f.Length} field(s)");
            }

            bool adverse = f[1].ToLowerInvariant() switch
            {
                "adverse" => true,
                "favourable" or "favorable" => false,
                _ => throw lines.Error(row.Line, $"direction '{f[1]}' must be 'adverse' or 'favourable'"),
            };
            double weight = f.Length == 3 ? lines.Number(row.Line, f[2], "weight") : 1.0;
            if (weight <= 0)
            {
                throw lines.Error(row.Line, "weight must be greater than 0");
            }

            if (!seen.TryAdd(f[0], row.Line))
            {
                throw lines.Error(row.Line, $"gene '{f[0]}' is listed twice (first on line {seen[f[0]]})");
            }

            entries.Add(new SignatureFileEntry(f[0], adverse, weight, row.Line));
        }

        if (!entries.Any(e => e.Adverse) || entries.All(e => e.Adverse))
        {
            throw lines.Error(0, "a signature needs at least one adverse and one favourable gene");
        }

        string name = lines.Comments.Select(c => c.Text.Trim()).Where(c => c.StartsWith("name=", StringComparison.OrdinalIgnoreCase))
            .Select(c => c[5..].Trim()).FirstOrDefault() ?? Path.GetFileNameWithoutExtension(path);
        return new SignatureGeneSetFile(path, name, entries);
    }
}
