namespace CrbnVariantCaller.Kernels;

/// <summary>BAM CIGAR words (<c>len &lt;&lt; 4 | op</c>) and SAM flag bits, as the kernels read them.</summary>
public static class Cigar
{
    public const uint M = 0, I = 1, D = 2, N = 3, S = 4, H = 5, P = 6, Eq = 7, X = 8;

    public const int FlagPaired = 0x1, FlagProperPair = 0x2, FlagUnmapped = 0x4, FlagReverse = 0x10, FlagRead2 = 0x80,
        FlagSecondary = 0x100, FlagDuplicate = 0x400, FlagSupplementary = 0x800;

    /// <summary>The operation of a CIGAR word.</summary>
    public static uint Op(uint word) => word & 0xFu;

    /// <summary>The length of a CIGAR word.</summary>
    public static int Length(uint word) => (int)(word >> 4);

    /// <summary>M, = or X: aligned bases.</summary>
    public static bool IsMatch(uint op) => op == M || op == Eq || op == X;

    /// <summary>The smaller of two ints (kept here so every backend compiles the same code).</summary>
    public static int Min(int a, int b) => a < b ? a : b;

    /// <summary>The larger of two ints.</summary>
    public static int Max(int a, int b) => a > b ? a : b;
}
