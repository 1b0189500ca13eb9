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
    private readonly byte[] _rawText;

    /// <summary>Creates a header from its text and reference list.</summary>
    public SamHeader(string text, IReadOnlyList<SamReference> references)
        : this(Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text))), references)
    {
    }

    /// <summary>Creates a header from the raw <c>l_text</c> bytes of a BAM header (which may carry NUL padding).</summary>
    internal SamHeader(byte[] rawText, IReadOnlyList<SamReference> references)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        ArgumentNullException.ThrowIfNull(references);
        _rawText = rawText;
        int nul = Array.IndexOf(rawText, (byte)0);
        string text = Encoding.UTF8.GetString(rawText, 0, nul < 0 ? rawText.Length : nul);
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
    /// The header as <c>samtools view -H --no-PG</c> prints it, decoded as UTF-8; see <see cref="GetSamTextBytes"/>.
    /// </summary>
    public string SamText => Encoding.UTF8.GetString(GetSamTextBytes());

    /// <summary>
    /// The header bytes exactly as <c>samtools view -H --no-PG</c> (htslib 1.16 <c>sam_hdr_sanitise</c> and
    /// <c>sam_hdr_write</c>) prints them: the stored <c>l_text</c> bytes, with a newline put at the first NUL (or the end)
    /// when the text does not end with one, followed by <c>@SQ</c> lines generated from the reference list when the text
    /// has no <c>@SQ</c> line.
    /// </summary>
    public byte[] GetSamTextBytes()
    {
        var bytes = new List<byte>(_rawText.Length + 64);
        int nul = Array.IndexOf(_rawText, (byte)0);
        int end = nul < 0 ? _rawText.Length : nul;
        bytes.AddRange(_rawText);
        if (end > 0 && _rawText[end - 1] != (byte)'\n')
        {
            if (end < bytes.Count)
            {
                bytes[end] = (byte)'\n';
            }
            else
            {
                bytes.Add((byte)'\n');
            }
        }

        if (References.Count > 0 && !HasSqLine(Text))
        {
            var sb = new StringBuilder();
            foreach (SamReference r in References)
            {
                sb.Append("@SQ\tSN:").Append(r.Name).Append("\tLN:").Append((uint)r.Length).Append('\n');
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(sb.ToString()));
        }

        return [.. bytes];
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
