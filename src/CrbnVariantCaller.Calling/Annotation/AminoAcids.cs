namespace CrbnVariantCaller.Calling.Annotation;

/// <summary>One-letter to three-letter amino-acid codes as HGVS writes them (<c>*</c> is <c>Ter</c>).</summary>
public static class AminoAcids
{
    /// <summary>The three-letter code of a one-letter amino acid; <c>Xaa</c> for an unknown letter.</summary>
    public static string ThreeLetter(char aa) => char.ToUpperInvariant(aa) switch
    {
        'A' => "Ala", 'R' => "Arg", 'N' => "Asn", 'D' => "Asp", 'C' => "Cys", 'Q' => "Gln", 'E' => "Glu",
        'G' => "Gly", 'H' => "His", 'I' => "Ile", 'L' => "Leu", 'K' => "Lys", 'M' => "Met", 'F' => "Phe",
        'P' => "Pro", 'S' => "Ser", 'T' => "Thr", 'W' => "Trp", 'Y' => "Tyr", 'V' => "Val", '*' => "Ter",
        'U' => "Sec",
        _ => "Xaa",
    };

    /// <summary>A run of one-letter codes in three-letter form (<c>"WR"</c> → <c>"TrpArg"</c>).</summary>
    public static string ThreeLetter(ReadOnlySpan<char> peptide)
    {
        var text = new System.Text.StringBuilder(peptide.Length * 3);
        foreach (char aa in peptide)
        {
            text.Append(ThreeLetter(aa));
        }

        return text.ToString();
    }
}
