using System.Diagnostics.CodeAnalysis;

namespace CrbnVariantCaller.Core.Genome;

/// <summary>
/// Recognises the primary human chromosomes under either naming style (<c>chr3</c> or <c>3</c>,
/// <c>chrM</c> or <c>MT</c>) and converts between the styles.
/// The canonical form is the Ensembl/NCBI one: <c>1</c> … <c>22</c>, <c>X</c>, <c>Y</c>, <c>MT</c>.
/// </summary>
public static class ContigNames
{
    /// <summary>The canonical primary chromosome names, in karyotype order.</summary>
    public static IReadOnlyList<string> Primary { get; } =
    [
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
        "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "X", "Y", "MT",
    ];

    private static readonly HashSet<string> PrimarySet = new(Primary, StringComparer.Ordinal);

    /// <summary>
    /// Gets the canonical name of a primary chromosome (<c>chr3</c> → <c>3</c>, <c>chrM</c> → <c>MT</c>).
    /// Returns false for anything else (alt contigs, decoys, unplaced scaffolds).
    /// </summary>
    public static bool TryGetCanonical(string name, [NotNullWhen(true)] out string? canonical)
    {
        ArgumentNullException.ThrowIfNull(name);
        ReadOnlySpan<char> s = name;
        if (s.StartsWith("chr", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..];
        }

        if (s.Equals("M", StringComparison.OrdinalIgnoreCase) || s.Equals("MT", StringComparison.OrdinalIgnoreCase))
        {
            canonical = "MT";
            return true;
        }

        string candidate = s.Length == 1 && char.IsAsciiLetter(s[0]) ? char.ToUpperInvariant(s[0]).ToString() : s.ToString();
        if (PrimarySet.Contains(candidate))
        {
            canonical = candidate;
            return true;
        }

        canonical = null;
        return false;
    }

    /// <summary>Writes a canonical primary chromosome name in the given style (<c>3</c> → <c>chr3</c>, <c>MT</c> → <c>chrM</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="canonical"/> is not a canonical primary chromosome name.</exception>
    public static string Format(string canonical, ContigNaming naming)
    {
        if (!PrimarySet.Contains(canonical))
        {
            throw new ArgumentException($"'{canonical}' is not a canonical primary chromosome name.", nameof(canonical));
        }

        return naming switch
        {
            ContigNaming.WithChr => canonical == "MT" ? "chrM" : "chr" + canonical,
            _ => canonical,
        };
    }

    /// <summary>Tells which naming style a list of contig names uses for its primary chromosomes.</summary>
    public static ContigNaming DetectNaming(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        bool withChr = false;
        bool withoutChr = false;
        foreach (string name in names)
        {
            if (TryGetCanonical(name, out _))
            {
                if (name.StartsWith("chr", StringComparison.OrdinalIgnoreCase))
                {
                    withChr = true;
                }
                else
                {
                    withoutChr = true;
                }
            }
        }

        return (withChr, withoutChr) switch
        {
            (true, false) => ContigNaming.WithChr,
            (false, true) => ContigNaming.WithoutChr,
            _ => ContigNaming.Unknown,
        };
    }

    /// <summary>
    /// Finds <paramref name="name"/> among <paramref name="available"/>: the exact name first, otherwise the same
    /// primary chromosome under the other naming style (<c>chr3</c> finds <c>3</c>, <c>MT</c> finds <c>chrM</c>).
    /// </summary>
    public static bool TryFindEquivalent(string name, IEnumerable<string> available, [NotNullWhen(true)] out string? match)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(available);
        string? alias = null;
        bool isPrimary = TryGetCanonical(name, out string? canonical);
        foreach (string candidate in available)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                match = candidate;
                return true;
            }

            if (alias is null && isPrimary && TryGetCanonical(candidate, out string? other) && other == canonical)
            {
                alias = candidate;
            }
        }

        match = alias;
        return alias is not null;
    }
}
