namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>The standard genetic code (NCBI table 1) and DNA strand helpers.</summary>
public static class GeneticCode
{
    // Codons in TCAG order: index = 16 * first + 4 * second + third, with T=0, C=1, A=2, G=3.
    private const string Table = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

    /// <summary>Translates one codon (case-insensitive; <c>U</c> reads as <c>T</c>); <c>X</c> when it holds another letter.</summary>
    public static char Translate(byte first, byte second, byte third)
    {
        int a = Code(first);
        int b = Code(second);
        int c = Code(third);
        return (a | b | c) < 0 ? 'X' : Table[(16 * a) + (4 * b) + c];
    }

    /// <summary>Translates a coding sequence codon by codon (a trailing partial codon is ignored); stops are <c>*</c>.</summary>
    public static string Translate(ReadOnlySpan<byte> cds)
    {
        char[] protein = new char[cds.Length / 3];
        for (int i = 0; i < protein.Length; i++)
        {
            protein[i] = Translate(cds[3 * i], cds[(3 * i) + 1], cds[(3 * i) + 2]);
        }

        return new string(protein);
    }

    /// <summary>The complementary base (IUPAC-aware, case kept); other bytes are returned unchanged.</summary>
    public static byte Complement(byte b) => b switch
    {
        (byte)'A' => (byte)'T', (byte)'T' => (byte)'A', (byte)'C' => (byte)'G', (byte)'G' => (byte)'C',
        (byte)'a' => (byte)'t', (byte)'t' => (byte)'a', (byte)'c' => (byte)'g', (byte)'g' => (byte)'c',
        (byte)'R' => (byte)'Y', (byte)'Y' => (byte)'R', (byte)'K' => (byte)'M', (byte)'M' => (byte)'K',
        (byte)'B' => (byte)'V', (byte)'V' => (byte)'B', (byte)'D' => (byte)'H', (byte)'H' => (byte)'D',
        (byte)'r' => (byte)'y', (byte)'y' => (byte)'r', (byte)'k' => (byte)'m', (byte)'m' => (byte)'k',
        (byte)'b' => (byte)'v', (byte)'v' => (byte)'b', (byte)'d' => (byte)'h', (byte)'h' => (byte)'d',
        _ => b,
    };

    /// <summary>Reverse-complements a sequence in place.</summary>
    public static void ReverseComplement(Span<byte> sequence)
    {
        sequence.Reverse();
        for (int i = 0; i < sequence.Length; i++)
        {
            sequence[i] = Complement(sequence[i]);
        }
    }

    private static int Code(byte b) => (b | 0x20) switch
    {
        (byte)'t' or (byte)'u' => 0,
        (byte)'c' => 1,
        (byte)'a' => 2,
        (byte)'g' => 3,
        _ => -1,
    };
}
