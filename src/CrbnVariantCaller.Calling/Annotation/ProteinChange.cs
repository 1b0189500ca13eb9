using System.Globalization;

namespace CrbnVariantCaller.Calling.Annotation;

/// <summary>
/// HGVS protein notation for an in-frame change, computed by comparing the reference protein with the translated
/// altered coding sequence (not from codon arithmetic): the longest common prefix is taken first, so a deletion is
/// placed as far 3' as the sequence allows (the HGVS 3' rule), then the common suffix.
/// </summary>
public static class ProteinChange
{
    /// <summary>
    /// The predicted change as HGVS <c>p.(…)</c>: <c>p.(Leu340_Gly383del)</c>, <c>p.(Ser339_Gly383delinsArg)</c>,
    /// <c>p.(Ser339Arg)</c>, <c>p.(Ser339Ter)</c> or <c>p.(=)</c>. Both proteins are one-letter strings; translation of
    /// each stops at its first stop codon (<c>*</c>), which is kept.
    /// </summary>
    /// <param name="reference">The reference protein, ending with <c>*</c>.</param>
    /// <param name="altered">The protein of the altered coding sequence (read up to its first <c>*</c>).</param>
    public static string Hgvs(string reference, string altered)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(altered);
        string r = UpToStop(reference), a = UpToStop(altered);
        int prefix = 0;
        while (prefix < r.Length && prefix < a.Length && r[prefix] == a[prefix])
        {
            prefix++;
        }

        if (prefix == r.Length && prefix == a.Length)
        {
            return "p.(=)";
        }

        int suffix = 0;
        while (suffix < r.Length - prefix && suffix < a.Length - prefix && r[^(suffix + 1)] == a[^(suffix + 1)])
        {
            suffix++;
        }

        string deleted = r[prefix..^suffix], inserted = a[prefix..^suffix];
        int first = prefix + 1, last = prefix + deleted.Length;
        if (inserted.Length > 0 && inserted[^1] == '*' && suffix == 0)
        {
            // A premature stop: the residues before it that are new are an insertion, the first changed one the nonsense.
            return inserted.Length == 1
                ? Invariant($"p.({Res(r, first)}Ter)")
                : Invariant($"p.({Res(r, first)}_{Res(r, last)}delins{AminoAcids.ThreeLetter(inserted)})");
        }

        if (inserted.Length == 0 && suffix == 1 && a.Length < r.Length && a[^1] == '*')
        {
            // Only the stop codon is shared at the end: the first lost residue became the stop.
            return Invariant($"p.({Res(r, first)}Ter)");
        }

        if (inserted.Length == 0)
        {
            return deleted.Length == 1 ? Invariant($"p.({Res(r, first)}del)") : Invariant($"p.({Res(r, first)}_{Res(r, last)}del)");
        }

        if (deleted.Length == 0)
        {
            return Invariant($"p.({Res(r, prefix)}_{Res(r, prefix + 1)}ins{AminoAcids.ThreeLetter(inserted)})");
        }

        if (deleted.Length == 1 && inserted.Length == 1)
        {
            return Invariant($"p.({Res(r, first)}{AminoAcids.ThreeLetter(inserted[0])})");
        }

        string range = deleted.Length == 1 ? Res(r, first) : $"{Res(r, first)}_{Res(r, last)}";
        return Invariant($"p.({range}delins{AminoAcids.ThreeLetter(inserted)})");
    }

    private static string UpToStop(string protein)
    {
        int stop = protein.IndexOf('*', StringComparison.Ordinal);
        return stop < 0 ? protein : protein[..(stop + 1)];
    }

    /// <summary>Residue <paramref name="number"/> (1-based) with its three-letter code, e.g. <c>Leu340</c>.</summary>
    private static string Res(string protein, int number) => AminoAcids.ThreeLetter(protein[number - 1]) + number.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
