using System.Globalization;

namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>
/// A position in HGVS coding (<c>c.</c>) notation: an exonic anchor (<c>c.1017</c>, <c>c.-30</c>, <c>c.*12</c>) plus an
/// optional intronic offset (<c>c.1016+1</c>, <c>c.1017-2</c>).
/// </summary>
/// <param name="Region">Which part of the transcript the anchor is in.</param>
/// <param name="Anchor">
/// The anchor number as written after <c>c.</c>: 1…CDS length for <see cref="CodingRegion.Coding"/>, a positive
/// distance for <see cref="CodingRegion.FivePrimeUtr"/> (written <c>c.-Anchor</c>) and for
/// <see cref="CodingRegion.ThreePrimeUtr"/> (written <c>c.*Anchor</c>).
/// </param>
/// <param name="Offset">0 for exonic bases; +k for k bases into the following intron, −k for k bases before the anchor.</param>
public readonly record struct CdsPosition(CodingRegion Region, int Anchor, int Offset = 0)
{
    /// <summary>True for exonic positions.</summary>
    public bool IsExonic => Offset == 0;

    /// <summary>True when the anchor is in the coding sequence (the base itself may still be intronic).</summary>
    public bool IsCodingAnchor => Region == CodingRegion.Coding;

    /// <summary>True when the base is exonic and coding.</summary>
    public bool IsCoding => Region == CodingRegion.Coding && Offset == 0;

    /// <summary>The codon number (1-based) of a coding anchor.</summary>
    /// <exception cref="InvalidOperationException">The anchor is not coding.</exception>
    public int Codon => IsCodingAnchor ? ((Anchor - 1) / 3) + 1 : throw new InvalidOperationException($"{this} is not in the coding sequence.");

    /// <summary>The position of a coding anchor inside its codon: 1, 2 or 3.</summary>
    /// <exception cref="InvalidOperationException">The anchor is not coding.</exception>
    public int PositionInCodon => IsCodingAnchor ? ((Anchor - 1) % 3) + 1 : throw new InvalidOperationException($"{this} is not in the coding sequence.");

    /// <summary>Parses <c>c.1017</c>, <c>1016+1</c>, <c>c.-30</c>, <c>c.*12-3</c> (the <c>c.</c> prefix is optional).</summary>
    /// <exception cref="FormatException">The text is not a c. position.</exception>
    public static CdsPosition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        if (s.StartsWith("c.", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        CodingRegion region = CodingRegion.Coding;
        if (s.Length > 0 && s[0] == '-')
        {
            region = CodingRegion.FivePrimeUtr;
            s = s[1..];
        }
        else if (s.Length > 0 && s[0] == '*')
        {
            region = CodingRegion.ThreePrimeUtr;
            s = s[1..];
        }

        int sign = s.IndexOfAny('+', '-');
        ReadOnlySpan<char> anchorText = sign < 0 ? s : s[..sign];
        if (!int.TryParse(anchorText, NumberStyles.None, CultureInfo.InvariantCulture, out int anchor) || anchor < 1)
        {
            throw new FormatException($"'{text}' is not an HGVS c. position.");
        }

        int offset = 0;
        if (sign >= 0 && (!int.TryParse(s[sign..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offset) || offset == 0))
        {
            throw new FormatException($"'{text}' has a malformed intronic offset.");
        }

        return new CdsPosition(region, anchor, offset);
    }

    /// <summary>HGVS form without the <c>c.</c> prefix: <c>1016+1</c>, <c>-30</c>, <c>*12</c>.</summary>
    public string ToHgvsNumber()
    {
        string prefix = Region switch
        {
            CodingRegion.FivePrimeUtr => "-",
            CodingRegion.ThreePrimeUtr => "*",
            _ => string.Empty,
        };
        string offset = Offset switch
        {
            > 0 => "+" + Offset.ToString(CultureInfo.InvariantCulture),
            < 0 => Offset.ToString(CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
        return prefix + Anchor.ToString(CultureInfo.InvariantCulture) + offset;
    }

    /// <summary>HGVS form with the prefix: <c>c.1016+1</c>.</summary>
    public override string ToString() => "c." + ToHgvsNumber();
}
