namespace CrbnVariantCaller.Counts;

/// <summary>Depth per position and summed depth per bin.</summary>
public sealed class CoverageResult
{
    public CoverageResult(ReferenceWindow window, int binSize, int[] depth, ulong[] binSums)
    {
        Window = window;
        BinSize = binSize;
        Depth = depth;
        BinSums = binSums;
    }

    /// <summary>The window counted.</summary>
    public ReferenceWindow Window { get; }

    /// <summary>Positions per bin.</summary>
    public int BinSize { get; }

    /// <summary>Depth at each window offset.</summary>
    public int[] Depth { get; }

    /// <summary>Sum of <see cref="Depth"/> over each bin (mean depth = sum / bin length).</summary>
    public ulong[] BinSums { get; }
}
