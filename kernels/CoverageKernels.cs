using ILGPU;

namespace CrbnVariantCaller.Kernels;

/// <summary>Parameters of <see cref="CoverageKernels.Difference"/>.</summary>
public readonly struct CoverageArgs
{
    public CoverageArgs(int referenceId, int windowStart, int windowLength, bool includeDeletions, ReadFilterArgs filter)
    {
        ReferenceId = referenceId;
        WindowStart = windowStart;
        WindowLength = windowLength;
        IncludeDeletions = includeDeletions ? 1 : 0;
        Filter = filter;
    }

    public readonly int ReferenceId;
    public readonly int WindowStart;
    public readonly int WindowLength;
    public readonly int IncludeDeletions;
    public readonly ReadFilterArgs Filter;
}

/// <summary>
/// Coverage the mosdepth way: +1/−1 at the ends of every aligned block (M/=/X, plus D with IncludeDeletions) clipped
/// to the window, into <c>diff[0..windowLength]</c>; then a chunked prefix sum gives the depth at each position
/// (chunk sums, a small host scan of them, chunk scans), then 64-bit sums per bin.
/// </summary>
public static class CoverageKernels
{
    /// <summary>Adds the block ends of read <paramref name="index"/> to <paramref name="diff"/>.</summary>
    public static void Difference(Index1D index, ReadViews reads, CoverageArgs args, ArrayView<int> diff)
    {
        int r = index;
        if (reads.ReferenceIds[r] != args.ReferenceId || !args.Filter.Passes(reads, r))
        {
            return;
        }

        int winEnd = args.WindowStart + args.WindowLength;
        int pos = reads.Starts[r];
        for (int k = reads.CigarOffsets[r]; k < reads.CigarOffsets[r + 1]; ++k)
        {
            uint op = Cigar.Op(reads.Cigars[k]);
            int len = Cigar.Length(reads.Cigars[k]);
            if (Cigar.IsMatch(op) || (args.IncludeDeletions != 0 && op == Cigar.D))
            {
                int lo = Cigar.Max(pos, args.WindowStart);
                int hi = Cigar.Min(pos + len, winEnd);
                if (lo < hi)
                {
                    Atomic.Add(ref diff[lo - args.WindowStart], 1);
                    Atomic.Add(ref diff[hi - args.WindowStart], -1);
                }
            }

            if (Cigar.IsMatch(op) || op == Cigar.D || op == Cigar.N)
            {
                pos += len;
            }
        }
    }

    /// <summary><c>sums[c]</c> = the sum of <paramref name="diff"/> over chunk c (positions <c>[c*chunk, min((c+1)*chunk, length))</c>).</summary>
    public static void ChunkSums(Index1D chunkIndex, int length, int chunk, ArrayView<int> diff, ArrayView<int> sums)
    {
        int lo = chunkIndex * chunk;
        int hi = Cigar.Min(lo + chunk, length);
        int s = 0;
        for (int i = lo; i < hi; ++i)
        {
            s += diff[i];
        }

        sums[chunkIndex] = s;
    }

    /// <summary><c>depth[i]</c> = <c>offsets[c]</c> + the inclusive prefix of <paramref name="diff"/> inside chunk c.</summary>
    public static void ChunkScan(Index1D chunkIndex, int length, int chunk, ArrayView<int> diff, ArrayView<int> offsets, ArrayView<int> depth)
    {
        int lo = chunkIndex * chunk;
        int hi = Cigar.Min(lo + chunk, length);
        int s = offsets[chunkIndex];
        for (int i = lo; i < hi; ++i)
        {
            s += diff[i];
            depth[i] = s;
        }
    }

    /// <summary><c>bins[b]</c> = the sum of depth over bin b, 64-bit, without atomics.</summary>
    public static void BinSums(Index1D binIndex, int length, int binSize, ArrayView<int> depth, ArrayView<ulong> bins)
    {
        int lo = binIndex * binSize;
        int hi = Cigar.Min(lo + binSize, length);
        ulong s = 0;
        for (int i = lo; i < hi; ++i)
        {
            s += (ulong)depth[i];
        }

        bins[binIndex] = s;
    }
}
