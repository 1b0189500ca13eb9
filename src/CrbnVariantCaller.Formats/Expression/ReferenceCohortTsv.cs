using CrbnVariantCaller.Formats.Output;
using System.Globalization;
using System.Text;

namespace CrbnVariantCaller.Formats.Expression;

/// <summary>
/// Reads and writes the reference-cohort TSV that <c>crbn cohort build</c> produces (specification in
/// <c>Expression/README.md</c>): <c>##</c> header lines with the format version, units, TPM basis, gene list and
/// source, then a <c>gene</c> header row naming the samples, then one row of TPMs per gene (<c>NA</c> = missing).
/// </summary>
public static class ReferenceCohortTsv
{
    private const string Magic = "crbn-reference-cohort";

    /// <summary>Writes <paramref name="table"/> atomically (a temporary file in the same folder, then a rename).</summary>
    public static void Write(string path, ReferenceCohortTable table)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"##{Magic}\tversion={ReferenceCohortTable.FormatVersion}\n");
        sb.Append("##units=TPM\n");
        sb.Append(CultureInfo.InvariantCulture, $"##tpm_basis={OneLine(table.TpmBasis)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"##samples={table.SampleIds.Count}\n");
        sb.Append(CultureInfo.InvariantCulture, $"##genes={string.Join(',', table.TpmByGene.Keys)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"##source={OneLine(table.Source)}\n");
        sb.Append("gene\t").AppendJoin('\t', table.SampleIds).Append('\n');
        foreach ((string gene, double[] values) in table.TpmByGene)
        {
            if (values.Length != table.SampleIds.Count)
            {
                throw new ArgumentException($"gene {gene} has {values.Length} values for {table.SampleIds.Count} samples", nameof(table));
            }

            sb.Append(gene);
            foreach (double v in values)
            {
                sb.Append('\t').Append(double.IsNaN(v) ? "NA" : v.ToString("R", CultureInfo.InvariantCulture));
            }

            sb.Append('\n');
        }

        byte[] bytes = new UTF8Encoding(false).GetBytes(sb.ToString());
        AtomicFileSet.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Reads a cohort file.</summary>
    /// <exception cref="ExpressionTableFormatException">The file is not a cohort TSV of a supported version, or a line is malformed.</exception>
    public static ReferenceCohortTable Read(string path)
    {
        using DelimitedLines lines = DelimitedLines.Open(path);
        (long Line, string[] Fields) header = lines.Next() ?? throw lines.Error(0, "is empty: no 'gene' header row");
        Dictionary<string, (long Line, string Value)> meta = ParseMeta(lines);
        if (!meta.TryGetValue("version", out var version))
        {
            throw lines.Error(1, $"not a reference cohort file: the first line must be '##{Magic}<TAB>version={ReferenceCohortTable.FormatVersion}'");
        }

        if (version.Value != ReferenceCohortTable.FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw lines.Error(version.Line, $"cohort format version {version.Value} is not supported (this build reads version {ReferenceCohortTable.FormatVersion})");
        }

        if (meta.TryGetValue("units", out var units) && !units.Value.Equals("TPM", StringComparison.OrdinalIgnoreCase))
        {
            throw lines.Error(units.Line, $"units '{units.Value}' are not supported (TPM only)");
        }

        string[] h = header.Fields;
        if (h[0].Trim() != "gene" || h.Length < 2)
        {
            throw lines.Error(header.Line, "the header row must be 'gene' followed by one column per sample");
        }

        var samples = h.Skip(1).Select(s => s.Trim()).ToList();
        if (samples.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw lines.Error(header.Line, $"sample '{dup.Key}' appears twice");
        }

        var values = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        while (lines.Next() is { } row)
        {
            if (row.Fields.Length != h.Length)
            {
                throw lines.Error(row.Line, $"has {row.Fields.Length} fields, the header has {h.Length}");
            }

            string gene = row.Fields[0].Trim();
            if (gene.Length == 0)
            {
                throw lines.Error(row.Line, "has no gene symbol");
            }

            double[] v = new double[samples.Count];
            for (int i = 0; i < v.Length; i++)
            {
                string text = row.Fields[i + 1];
                v[i] = text.Trim() is "NA" or "" ? double.NaN : lines.Number(row.Line, text, samples[i]);
            }

            if (!values.TryAdd(gene, v))
            {
                throw lines.Error(row.Line, $"gene '{gene}' is listed twice");
            }

            order.Add(gene);
        }

        if (meta.TryGetValue("genes", out var genes))
        {
            var listed = genes.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string? missing = listed.FirstOrDefault(g => !values.ContainsKey(g));
            if (missing is not null)
            {
                throw lines.Error(genes.Line, $"gene '{missing}' is in the ##genes list but has no row (truncated file?)");
            }
        }

        if (meta.TryGetValue("samples", out var count) && count.Value != samples.Count.ToString(CultureInfo.InvariantCulture))
        {
            throw lines.Error(count.Line, $"##samples={count.Value} but the header names {samples.Count} samples");
        }

        var ordered = order.ToDictionary(g => g, g => values[g], StringComparer.OrdinalIgnoreCase);
        return new ReferenceCohortTable(samples, ordered, meta.GetValueOrDefault("tpm_basis").Value ?? "unknown",
            meta.GetValueOrDefault("source").Value ?? string.Empty);
    }

    private static Dictionary<string, (long Line, string Value)> ParseMeta(DelimitedLines lines)
    {
        var meta = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach ((long line, string text) in lines.Comments)
        {
            if (!text.StartsWith('#'))
            {
                continue; // a plain '# comment'
            }

            string body = text[1..];
            if (body.StartsWith(Magic, StringComparison.Ordinal))
            {
                int eq = body.IndexOf("version=", StringComparison.Ordinal);
                meta["version"] = (line, eq < 0 ? "?" : body[(eq + 8)..].Trim());
                continue;
            }

            int sep = body.IndexOf('=');
            if (sep > 0)
            {
                meta[body[..sep].Trim()] = (line, body[(sep + 1)..].Trim());
            }
        }

        return meta;
    }

    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
}
