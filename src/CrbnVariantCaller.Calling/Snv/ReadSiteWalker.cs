using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// CPU walks over the reads of a batch at single candidate sites (never over the whole region): which reads cover a
/// position, the base and quality each shows there, how far the base is from the aligned read ends, and whether the
/// read is soft-clipped nearby. Reads are those the pileup counts (same flag and MAPQ filter); mates that overlap are
/// counted once (the first in coordinate order), as the pileup's overlap rule does.
/// </summary>
internal sealed class ReadSiteWalker
{
    private readonly ReadBatch _batch;
    private readonly ReadFilter _filter;
    private readonly int _referenceId;
    private readonly int _maxSpan;

    public ReadSiteWalker(ReadBatch batch, ReadFilter filter, int referenceId)
    {
        _batch = batch;
        _filter = filter;
        _referenceId = referenceId;
        ReadOnlySpan<int> starts = batch.StartsZeroBased;
        ReadOnlySpan<int> ends = batch.EndsZeroBasedExclusive;
        int max = 1;
        for (int r = 0; r < batch.Count; r++)
        {
            max = Math.Max(max, ends[r] - starts[r]);
        }

        _maxSpan = max;
    }

    public ReadBatch Batch => _batch;

    /// <summary>Indices of passing reads whose alignment span covers 0-based <paramref name="pos"/>, first mate of each template only.</summary>
    public List<int> ReadsCovering(int pos)
    {
        ReadOnlySpan<int> starts = _batch.StartsZeroBased;
        ReadOnlySpan<int> ends = _batch.EndsZeroBasedExclusive;
        int hi = UpperBound(starts, pos); // first read starting after pos
        var reads = new List<int>();
        var seen = new HashSet<int>();
        for (int r = LowerBound(starts, pos - _maxSpan); r < hi; r++)
        {
            if (ends[r] <= pos || _batch.ReferenceIds[r] != _referenceId ||
                !_filter.Passes(_batch.Flags[r], _batch.MappingQualities[r], _batch.ReferenceIds[r]))
            {
                continue;
            }

            if (seen.Add(_batch.NameIds[r]))
            {
                reads.Add(r);
            }
        }

        return reads;
    }

    /// <summary>
    /// The base a read shows at 0-based <paramref name="pos"/>: its 4-bit code and quality, the distance of that query
    /// base from the nearer end of the aligned (unclipped) part, and whether a soft clip lies within
    /// <paramref name="clipWindow"/> reference bases. Returns false when the position is deleted or skipped in the read.
    /// </summary>
    public bool TryGetBase(int read, int pos, int clipWindow, out int code, out int quality, out int distanceFromEnd, out bool clippedNearby)
    {
        code = 0;
        quality = 0;
        distanceFromEnd = 0;
        clippedNearby = false;
        ReadOnlySpan<uint> cigar = _batch.CigarOf(read);
        int refPos = _batch.StartsZeroBased[read];
        int q = 0;
        int firstAligned = -1;
        int lastAligned = -1;
        int hitQuery = -1;
        for (int k = 0; k < cigar.Length; k++)
        {
            int op = CigarOp.Op(cigar[k]);
            int len = CigarOp.Length(cigar[k]);
            if (op == CigarOp.SoftClip)
            {
                if (Math.Abs(refPos - pos) <= clipWindow)
                {
                    clippedNearby = true;
                }

                q += len;
                continue;
            }

            if (CigarOp.IsAlignedBase(op))
            {
                if (firstAligned < 0)
                {
                    firstAligned = q;
                }

                if (pos >= refPos && pos < refPos + len)
                {
                    hitQuery = q + (pos - refPos);
                }

                lastAligned = q + len - 1;
                q += len;
                refPos += len;
            }
            else if (op == CigarOp.Insertion)
            {
                q += len;
            }
            else if (CigarOp.ConsumesReference(op))
            {
                refPos += len;
            }
        }

        if (hitQuery < 0)
        {
            return false;
        }

        code = _batch.BaseCode(read, hitQuery);
        quality = _batch.Qualities[_batch.QualityOffsets[read] + hitQuery];
        distanceFromEnd = Math.Min(hitQuery - firstAligned, lastAligned - hitQuery);
        return true;
    }

    private static int LowerBound(ReadOnlySpan<int> values, int key)
    {
        int lo = 0;
        int hi = values.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < key)
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

    private static int UpperBound(ReadOnlySpan<int> values, int key)
    {
        int lo = 0;
        int hi = values.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= key)
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
