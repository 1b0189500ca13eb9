namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>The tab-separated layout shared by the evidence tables: <c># key: value</c> metadata, comments, a header row.</summary>
internal static class Tsv
{
    public static (Dictionary<string, string> Meta, List<Dictionary<string, string>> Rows) Read(string text, string name, IReadOnlyList<string> required)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<Dictionary<string, string>>();
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
                if (key is "version" or "date")
                {
                    meta[key] = line[(colon + 1)..].Trim();
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (header is null)
            {
                header = fields;
                string? missing = required.FirstOrDefault(c => !header.Contains(c, StringComparer.Ordinal));
                if (missing is not null)
                {
                    throw new InvalidDataException($"{name}: line {lineNumber}: the header has no '{missing}' column");
                }

                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{name}: line {lineNumber}: {fields.Length} fields, the header has {header.Length}");
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second.Trim(), StringComparer.Ordinal));
        }

        return header is null ? throw new InvalidDataException($"{name}: no header row") : (meta, rows);
    }

    public static string? OrNull(string value) => value.Length == 0 ? null : value;
}
