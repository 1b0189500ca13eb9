namespace CrbnVariantCaller.TestData.Tests;

/// <summary>The standard genetic code, for checking the synthetic CRBN CDS.</summary>
internal static class Codons
{
    private const string Bases = "TCAG";
    private const string AminoAcids = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

    public static string Translate(string cds)
    {
        char[] protein = new char[cds.Length / 3];
        for (int i = 0; i < protein.Length; i++)
        {
            int a = Bases.IndexOf(cds[3 * i]), b = Bases.IndexOf(cds[3 * i + 1]), c = Bases.IndexOf(cds[3 * i + 2]);
            protein[i] = a < 0 || b < 0 || c < 0 ? 'X' : AminoAcids[16 * a + 4 * b + c];
        }

        return new string(protein);
    }
}
