namespace CrbnVariantCaller.Core.Coordinates;

/// <summary>The strand of a feature or read.</summary>
public enum Strand
{
    /// <summary>Unknown or not applicable (<c>.</c> in GTF).</summary>
    Unknown = 0,

    /// <summary>Forward strand (<c>+</c>).</summary>
    Plus = 1,

    /// <summary>Reverse strand (<c>-</c>).</summary>
    Minus = 2,
}
