using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Compute.Cpu;

/// <summary>The managed coverage kernels: difference array (kernel <c>coverage_diff</c>), prefix sum and bin sums.</summary>
internal static class CpuCoverageKernel
{
    /// <summary>Adds +1/−1 at the ends of read <paramref name="r"/>'s counted blocks, clipped to the window, into <paramref name="diff"/> (length + 1).</summary>
    public static void AddRead(ReadBatch batch, int r, CoverageRequest request, Span<int> diff)
    {
        ReferenceWindow window = request.Window;
        if (batch.ReferenceIdArray[r] != window.ReferenceId ||
            !request.Filter.Passes(batch.FlagArray[r], batch.MapqArray[r], batch.ReferenceIdArray[r]))
        {
            return;
        }

        int winStart = window.Start.ZeroBased;
        int winEnd = winStart + window.Length;
        int pos = batch.StartArray[r];
        foreach (uint word in batch.CigarOf(r))
        {
            int op = CigarOp.Op(word);
            int len = CigarOp.Length(word);
            if (CigarOp.IsAlignedBase(op) || (request.IncludeDeletions && op == CigarOp.Deletion))
            {
                int lo = Math.Max(pos, winStart);
                int hi = Math.Min(pos + len, winEnd);
                if (lo < hi)
                {
                    diff[lo - winStart]++;
                    diff[hi - winStart]--;
                }
            }

            if (CigarOp.ConsumesReference(op))
            {
                pos += len;
            }
        }
    }

    /// <summary>Inclusive prefix sum of <paramref name="diff"/> into per-position depth.</summary>
    public static int[] PrefixSum(ReadOnlySpan<int> diff, int length)
    {
        int[] depth = new int[length];
        int s = 0;
        for (int i = 0; i < length; i++)
        {
            s += diff[i];
            depth[i] = s;
        }

        return depth;
    }

    /// <summary>Sum of depth per bin.</summary>
    public static ulong[] BinSums(ReadOnlySpan<int> depth, int binSize)
    {
        ulong[] bins = new ulong[(depth.Length + binSize - 1) / binSize];
        for (int b = 0; b < bins.Length; b++)
        {
            int lo = b * binSize;
            int hi = Math.Min(lo + binSize, depth.Length);
            ulong s = 0;
            for (int i = lo; i < hi; i++)
            {
                s += (ulong)depth[i];
            }

            bins[b] = s;
        }

        return bins;
    }
}
