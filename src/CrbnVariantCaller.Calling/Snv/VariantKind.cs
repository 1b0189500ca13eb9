namespace CrbnVariantCaller.Calling.Snv;

/// <summary>The kind of a called small variant.</summary>
public enum VariantKind
{
    /// <summary>Single-nucleotide variant.</summary>
    Snv,

    /// <summary>Insertion (VCF: REF is the anchor base).</summary>
    Insertion,

    /// <summary>Deletion (VCF: ALT is the anchor base).</summary>
    Deletion,
}
