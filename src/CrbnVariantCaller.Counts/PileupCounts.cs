namespace CrbnVariantCaller.Counts;

/// <summary>Per-position, per-strand counters produced by the pileup kernel.</summary>
public sealed class PileupCounts
{
    /// <summary>Counters per position: 7 channels × 2 strands.</summary>
    public const int ChannelsPerPosition = 14;

    public PileupCounts(ReferenceWindow window, int[] counts)
    {
        if (counts.Length != window.Length * ChannelsPerPosition)
        {
            throw new ArgumentException("counts do not match the window", nameof(counts));
        }

        Window = window;
        Raw = counts;
    }

    /// <summary>The window counted.</summary>
    public ReferenceWindow Window { get; }

    /// <summary>
    /// All counters, position-major: <c>[(offset * 7 + channel) * 2 + (reverse ? 1 : 0)]</c>, the layout the kernels write.
    /// </summary>
    public int[] Raw { get; }

    /// <summary>The count of <paramref name="channel"/> on one strand at window offset <paramref name="offset"/>.</summary>
    public int Get(int offset, PileupChannel channel, bool reverse) =>
        Raw[(offset * 7 + (int)channel) * 2 + (reverse ? 1 : 0)];

    /// <summary>The count of <paramref name="channel"/> on both strands at window offset <paramref name="offset"/>.</summary>
    public int Get(int offset, PileupChannel channel) => Get(offset, channel, false) + Get(offset, channel, true);

    /// <summary>Bases plus deletions at an offset: the depth samtools mpileup prints (reference skips excluded).</summary>
    public int Depth(int offset)
    {
        int depth = 0;
        for (int c = 0; c <= (int)PileupChannel.Deletion; c++)
        {
            depth += Get(offset, (PileupChannel)c);
        }

        return depth;
    }
}
