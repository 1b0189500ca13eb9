using System.Text;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// The header of a BAM file: the SAM header text exactly as stored, and the binary reference list (name and length),
/// whose order defines the reference ids used by records.
/// </summary>
public sealed class SamHeader
{
    private readonly Dictionary<string, int> _idByName;
    private readonly byte[][] _nameBytes;

    /// <summary>Creates a header from its text and reference list.</summary>
    public SamHeader(string text, IReadOnlyList<SamReference> references)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(references);
        Text = text;
        References = references;
        _idByName = new Dictionary<string, int>(references.Count, StringComparer.Ordinal);
        _nameBytes = new byte[references.Count][];
        for (int i = 0; i < references.Count; i++)
        {
            _idByName.TryAdd(references[i].Name, i);
            _nameBytes[i] = Encoding.UTF8.GetBytes(references[i].Name);
        }

        SortOrder = ParseSortOrder(text);
    }

    /// <summary>The header text as stored in the BAM (up to the first NUL), lines separated by <c>\n</c>.</summary>
    public string Text { get; }

    /// <summary>The binary reference list; a record's reference id indexes this list.</summary>
    public IReadOnlyList<SamReference> References { get; }

    /// <summary>The <c>SO</c> value of the <c>@HD</c> line (<c>coordinate</c>, <c>queryname</c>, <c>unsorted</c>, ...); null when absent.</summary>
    public string? SortOrder { get; }

    /// <summary>
    /// The header as <c>samtools view -H --no-PG</c> prints it: the stored text, with a final newline, and with
    /// <c>@SQ</c> lines generated from the reference list when the text has none (as htslib does).
    /// </summary>
    public string SamText
    {
        get
        {
            var sb = new StringBuilder(Text);
            if (sb.Length > 0 && sb[^1] != '\n')
            {
                sb.Append('\n');
            }

            if (References.Count > 0 && !HasSqLine(Text))
            {
                foreach (SamReference r in References)
                {
                    sb.Append("@SQ\tSN:").Append(r.Name).Append("\tLN:").Append(r.Length).Append('\n');
                }
            }

            return sb.ToString();
        }
    }

    /// <summary>The id of the reference called <paramref name="name"/>, or −1 when the header has none by that name.</summary>
    public int GetReferenceId(string name) => _idByName.TryGetValue(name, out int id) ? id : -1;

    /// <summary>True when the header declares a reference called <paramref name="name"/>.</summary>
    public bool HasReference(string name) => _idByName.ContainsKey(name);

    /// <summary>The reference name as UTF-8 bytes, for formatting without allocation.</summary>
    internal ReadOnlySpan<byte> GetNameBytes(int referenceId) => _nameBytes[referenceId];

    private static bool HasSqLine(string text) =>
        text.StartsWith("@SQ\t", StringComparison.Ordinal) || text.Contains("\n@SQ\t", StringComparison.Ordinal);

    private static string? ParseSortOrder(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            if (!line.StartsWith("@HD", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (string field in line.TrimEnd('\r').Split('\t'))
            {
                if (field.StartsWith("SO:", StringComparison.Ordinal))
                {
                    return field[3..];
                }
            }
        }

        return null;
    }
}
