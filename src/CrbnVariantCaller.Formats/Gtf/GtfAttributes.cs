using System.Diagnostics.CodeAnalysis;

namespace CrbnVariantCaller.Formats.Gtf;

/// <summary>
/// The attribute column of a GTF/GFF3 record, in file order. A key may have several values (a GTF key repeated, as
/// <c>tag</c> often is, or a comma-separated GFF3 list such as <c>Parent=a,b</c>).
/// </summary>
public sealed class GtfAttributes
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    internal GtfAttributes(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    /// <summary>Every key/value pair in file order (a multi-valued key appears once per value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>The first value of a key, or null.</summary>
    public string? this[string key] => TryGet(key, out string? value) ? value : null;

    /// <summary>Gets the first value of a key.</summary>
    public bool TryGet(string key, [NotNullWhen(true)] out string? value)
    {
        foreach (KeyValuePair<string, string> pair in _pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Every value of a key, in file order.</summary>
    public IEnumerable<string> GetAll(string key) =>
        _pairs.Where(p => string.Equals(p.Key, key, StringComparison.Ordinal)).Select(p => p.Value);
}
