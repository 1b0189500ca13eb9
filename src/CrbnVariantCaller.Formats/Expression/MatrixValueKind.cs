namespace CrbnVariantCaller.Formats.Expression;

/// <summary>What the numbers of a plain matrix (gene + one column per sample) are.</summary>
public enum MatrixValueKind
{
    /// <summary>Counts when every value is a whole number, TPM otherwise.</summary>
    Auto,

    /// <summary>TPM.</summary>
    Tpm,

    /// <summary>Read or fragment counts.</summary>
    Counts,
}
