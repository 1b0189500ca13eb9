using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Formats.Bam;

namespace CrbnVariantCaller.Pipeline.CopyNumber;

/// <summary>
/// Depth of off-target and whole-genome bins in one sequential pass over the BAM: every read (not unmapped, secondary,
/// supplementary, QC-failed or duplicate) adds its aligned reference length to the bin holding its start; depth =
/// aligned bases / bin length (mosdepth's mean depth, but attributed by start, as CNVkit attributes antitarget reads).
/// Only the record's fixed fields and CIGAR are decoded.
/// </summary>
public static class BinReadCounter
{
    private const SamFlags Skip = SamFlags.Unmapped | SamFlags.Secondary | SamFlags.Supplementary | SamFlags.QcFail | SamFlags.Duplicate;

    /// <summary>The counts of one pass.</summary>
    /// <param name="Depth">Mean depth per bin (0 for bins that are not off-target or genome bins).</param>
    /// <param name="ReadLength">Median aligned length of the reads counted (from the first 10,000).</param>
    public sealed record Result(double[] Depth, double ReadLength);

    /// <summary>Counts <paramref name="bam"/> into the off-target/genome bins of <paramref name="bins"/>.</summary>
    /// <param name="bam">A BAM positioned at its first record.</param>
    /// <param name="bins">All bins (targets are left at 0).</param>
    /// <param name="referenceIdOf">The BAM refID of a bin's contig, or null when the BAM lacks it.</param>
    /// <param name="progress">Called with the number of records read, every 1,000,000.</param>
    public static Result Count(BamReader bam, IReadOnlyList<CopyNumberTarget> bins, Func<string, int?> referenceIdOf, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(bam);
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(referenceIdOf);
        int references = bam.Header.References.Count;
        var starts = new int[references][];
        var index = new int[references][];
        foreach (IGrouping<int, int> contig in Enumerable.Range(0, bins.Count)
            .Where(i => bins[i].Kind != BinKind.Target && referenceIdOf(bins[i].Interval.Contig) is not null)
            .GroupBy(i => referenceIdOf(bins[i].Interval.Contig)!.Value))
        {
            int[] order = contig.OrderBy(i => bins[i].Interval.Start.Value).ToArray();
            starts[contig.Key] = order.Select(i => bins[i].Interval.Start.Value - 1).ToArray();
            index[contig.Key] = order;
        }

        var ends = bins.Select(b => b.Interval.End.Value).ToArray();
        var bases = new long[bins.Count];
        var lengths = new List<int>(10_000);
        var record = new BamRecord();
        long n = 0;
        while (bam.ReadRecord(record))
        {
            if (++n % 1_000_000 == 0)
            {
                progress?.Invoke(n);
            }

            int refId = record.ReferenceId;
            if (refId < 0 || (record.Flags & Skip) != 0 || starts[refId] is not { } s)
            {
                continue;
            }

            int pos = record.PositionZeroBased;
            int k = Array.BinarySearch(s, pos);
            if (k < 0)
            {
                k = ~k - 1;
            }

            if (k < 0)
            {
                continue;
            }

            int bin = index[refId][k];
            if (pos >= ends[bin])
            {
                continue; // in a gap between bins (a target and its margin, or an N stretch)
            }

            int length = (int)record.ReferenceLength;
            bases[bin] += length;
            if (lengths.Count < 10_000)
            {
                lengths.Add(length);
            }
        }

        double[] depth = bases.Select((b, i) => bins[i].Kind == BinKind.Target ? 0 : (double)b / bins[i].Interval.Length).ToArray();
        lengths.Sort();
        return new Result(depth, lengths.Count > 0 ? lengths[lengths.Count / 2] : 0);
    }
}
