namespace CrbnVariantCaller.Formats.Expression;

/// <summary>One gene of a signature gene-set file.</summary>
/// <param name="Gene">Gene symbol.</param>
/// <param name="Adverse">True for <c>adverse</c>, false for <c>favourable</c>.</param>
/// <param name="Weight">Weight (1 when the file gives none).</param>
/// <param name="LineNumber">Line in the file.</param>
public sealed record SignatureFileEntry(string Gene, bool Adverse, double Weight, long LineNumber);
