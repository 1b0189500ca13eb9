namespace CrbnVariantCaller.Compute.Host;

/// <summary>
/// Cuts a batch into contiguous slices of at most a given number of reads, never between two reads that a kernel
/// must see together (overlapping mates for the quality tweak, the mates of a fragment). A slice grows past the limit
/// only when a linked pair leaves no earlier cut point.
/// </summary>
internal static class ReadSlices
{
    /// <summary>The slices <c>[Start, End)</c> covering reads 0..<paramref name="count"/>.</summary>
    /// <param name="count">Reads in the batch.</param>
    /// <param name="maxReads">The most reads one slice should hold.</param>
    /// <param name="links">Pairs of read indices that must share a slice.</param>
    public static List<(int Start, int End)> Plan(int count, int maxReads, IEnumerable<(int A, int B)> links)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxReads);
        var slices = new List<(int Start, int End)>();
        if (count == 0)
        {
            return slices;
        }

        if (count <= maxReads)
        {
            slices.Add((0, count));
            return slices;
        }

        // furthest[i]: the largest index linked to a read whose smaller index is i.
        int[] furthest = new int[count];
        Array.Fill(furthest, -1);
        foreach ((int a, int b) in links)
        {
            int lo = Math.Min(a, b), hi = Math.Max(a, b);
            if (lo >= 0 && hi < count)
            {
                furthest[lo] = Math.Max(furthest[lo], hi);
            }
        }

        int start = 0, reach = -1;
        for (int i = 0; i < count; i++)
        {
            reach = Math.Max(reach, furthest[i]);
            bool canCut = reach <= i;
            if (i + 1 == count || (canCut && i + 1 - start >= maxReads))
            {
                slices.Add((start, i + 1));
                start = i + 1;
            }
        }

        return slices;
    }

    /// <summary>The links of a mate table (<c>mateOf[r]</c> = the mate's index or −1).</summary>
    public static IEnumerable<(int A, int B)> FromMates(int[] mateOf)
    {
        for (int r = 0; r < mateOf.Length; r++)
        {
            if (mateOf[r] > r)
            {
                yield return (r, mateOf[r]);
            }
        }
    }

    /// <summary>The links of overlapping-mate pairs.</summary>
    public static IEnumerable<(int A, int B)> FromPairs(OverlapPairs pairs)
    {
        for (int i = 0; i < pairs.Count; i++)
        {
            yield return (pairs.First[i], pairs.Second[i]);
        }
    }
}
