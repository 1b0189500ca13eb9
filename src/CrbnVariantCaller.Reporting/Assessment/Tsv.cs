namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// The tab-separated layout shared by the evidence tables and the Δexon10 cohort: <c># key: value</c> metadata (a
/// one-word key), other comments, a header row. Errors
/// are made by <c>fail</c> from a message that starts with the line (<c>line 7: …</c>), so that each table can name its
/// file its own way; every row keeps its line number for the checks its reader makes.
/// </summary>
internal static class Tsv
{
    public static (Dictionary<string, string> Meta, List<(int Line, Dictionary<string, string> Cells)> Rows) Read(
        string text, IReadOnlyList<string> required, Func<string, Exception> fail)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<(int, Dictionary<string, string>)>();
        string[]? header = null;
        int lineNumber = 0;
        foreach (string raw in text.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                string key = colon > 0 ? line[1..colon].Trim() : string.Empty;
                if (key.Length > 0 && !key.Any(char.IsWhiteSpace))
                {
                    meta[key] = line[(colon + 1)..].Trim(); // "# version: 1.1.0", "# name: lab NDMM"; prose comments have spaces before their colon
                }

                continue;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                string? missing = required.FirstOrDefault(c => !header.Contains(c, StringComparer.Ordinal));
                if (missing is not null)
                {
                    throw fail($"line {lineNumber}: the header has no '{missing}' column (tab-separated; needed: {string.Join(", ", required)})");
                }

                continue;
            }

            if (fields.Length != header.Length)
            {
                throw fail($"line {lineNumber}: {fields.Length} tab-separated fields, the header has {header.Length}");
            }

            rows.Add((lineNumber, header.Zip(fields).ToDictionary(p => p.First, p => p.Second.Trim(), StringComparer.Ordinal)));
        }

        return header is null ? throw fail($"no header row (a tab-separated header with the columns {string.Join(", ", required)} is needed)") : (meta, rows);
    }

    public static string? OrNull(string value) => value.Length == 0 ? null : value;
}
