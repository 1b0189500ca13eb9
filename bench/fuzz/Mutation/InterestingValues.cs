namespace CrbnVariantCaller.Fuzz.Mutation;

/// <summary>Boundary values that break length and offset arithmetic, as AFL's "interesting" tables do.</summary>
public static class InterestingValues
{
    private static readonly long[] Values =
    [
        0, 1, -1, 2, 3, 4, 7, 8, 16, 31, 32, 33, 63, 64, 100, 127, 128, 255, 256, 511, 512, 1000, 1023, 1024, 4095, 4096,
        32767, 32768, 65535, 65536, 65537, 100_000, 1 << 20, (1 << 24) - 1, 1 << 24, 0x0FFFFFFF, 0x10000000, 0x3FFFFFFF,
        int.MaxValue - 8, int.MaxValue - 1, int.MaxValue, int.MinValue, int.MinValue + 1, -2, -128, -129, -32768, uint.MaxValue,
        1L << 32, long.MaxValue, long.MinValue,
    ];

    /// <summary>An interesting value, or the original nudged by a little, doubled, halved or negated.</summary>
    public static long Pick(Random random, long original) => random.Next(4) switch
    {
        0 => original + random.Next(-4, 5),
        1 => random.Next(2) == 0 ? original * 2 : original / 2,
        2 => -original,
        _ => Values[random.Next(Values.Length)],
    };

    /// <summary>Writes <paramref name="value"/> little-endian into <paramref name="width"/> bytes (1, 2, 4 or 8).</summary>
    public static void Write(Span<byte> destination, int width, long value)
    {
        for (int i = 0; i < width; i++)
        {
            destination[i] = (byte)(value >> (8 * i));
        }
    }

    public static long Read(ReadOnlySpan<byte> source, int width)
    {
        long v = 0;
        for (int i = 0; i < width; i++)
        {
            v |= (long)source[i] << (8 * i);
        }

        return width < 8 ? (v << (64 - (8 * width))) >> (64 - (8 * width)) : v;
    }

    private static readonly string[] TextTokens =
    [
        "", "0", "-1", "-0", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "99999999999999999999",
        "1e308", "1e309", "-1e309", "NaN", "nan", "Infinity", "-Infinity", "inf", "0x10", "1,000", "1.5", ".", "-", "+", "*",
        "NA", "\"", "\"\"", "\"a\nb\"", "'", "\t", "\n", "\r\n", "\r", ";", "=", "==", "%", "%zz", "%00", "\0", "#", "##",
        "@", ">", "chr3", "chr3:1-10", "chrUn", "\u00e9", "\u202e", "\uFEFF", "\ud83e\udde0", "=HYPERLINK(\"x\")",
        "../../etc/passwd", "/dev/zero", "<script>alert(1)</script>", new string('A', 300), new string('9', 40),
        "3149633", "3179717", "198295559", "gene_id \"", "Parent=", "ID=", "transcript_id \"\";",
    ];

    /// <summary>A token that tends to break text parsers.</summary>
    public static string PickToken(Random random) => TextTokens[random.Next(TextTokens.Length)];
}
