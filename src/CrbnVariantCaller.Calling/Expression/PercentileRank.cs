namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// The percentile method used everywhere: the mid-rank (Hazen) percentile
/// <c>P = 100 × (B + E/2) / N</c>, where N is the number of reference values, B how many are below the sample's
/// value and E how many equal it. Within a batch that contains the sample itself this is the Hazen plotting position
/// <c>100 × (r − ½) / N</c> of its mid-rank r. It is symmetric (the lowest of N distinct values gets 50/N, the highest
/// 100 − 50/N), handles ties by sharing them, and depends only on order, so TPM and log2(TPM+1) give the same answer.
/// </summary>
public static class PercentileRank
{
    /// <summary>The mid-rank percentile of <paramref name="value"/> among <paramref name="sortedReference"/> (ascending, no NaN).</summary>
    /// <exception cref="ArgumentException">The reference is empty.</exception>
    public static double Of(double value, IReadOnlyList<double> sortedReference)
    {
        ArgumentNullException.ThrowIfNull(sortedReference);
        if (sortedReference.Count == 0)
        {
            throw new ArgumentException("no reference values", nameof(sortedReference));
        }

        int below = LowerBound(sortedReference, value);
        int equal = 0;
        for (int i = below; i < sortedReference.Count && sortedReference[i] == value; i++)
        {
            equal++;
        }

        return 100.0 * (below + equal / 2.0) / sortedReference.Count;
    }

    private static int LowerBound(IReadOnlyList<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
