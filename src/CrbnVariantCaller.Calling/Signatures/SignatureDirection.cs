namespace CrbnVariantCaller.Calling.Signatures;

/// <summary>Which side of a signature a gene is on.</summary>
public enum SignatureDirection
{
    /// <summary>Higher expression goes with a worse outcome (the "up" set of a rank score).</summary>
    Adverse,

    /// <summary>Higher expression goes with a better outcome (the "down" set of a rank score).</summary>
    Favourable,
}
