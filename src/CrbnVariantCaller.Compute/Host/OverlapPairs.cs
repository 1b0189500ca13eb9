using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Compute.Host;

/// <summary>
/// The overlapping-mate pairs of a pileup, found the way htslib's <c>overlap_push</c> finds them while reads
/// stream into <c>bam_plp</c>: among reads that pass the filter, a properly paired read with its mate on the same
/// reference waits (keyed by QNAME) when its mate starts at or after it; the next read with the same QNAME that
/// arrives while the waiting read still covers its start becomes mate <c>B</c>, the waiting one mate <c>A</c>.
/// This host step is shared by every backend; the quality tweak itself is a kernel.
/// </summary>
public sealed class OverlapPairs
{
    private OverlapPairs(int[] first, int[] second)
    {
        First = first;
        Second = second;
    }

    /// <summary>Mate A of each pair (the one seen first; keeps or sums the quality).</summary>
    public int[] First { get; }

    /// <summary>Mate B of each pair (its overlapping bases are usually zeroed).</summary>
    public int[] Second { get; }

    /// <summary>Number of pairs.</summary>
    public int Count => First.Length;

    /// <summary>Finds the pairs among reads on <paramref name="referenceId"/> that pass <paramref name="filter"/>.</summary>
    public static OverlapPairs Find(ReadBatch batch, int referenceId, ReadFilter filter)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(filter);
        var waiting = new Dictionary<int, int>();
        var first = new List<int>();
        var second = new List<int>();
        ReadOnlySpan<int> refs = batch.ReferenceIds;
        ReadOnlySpan<int> starts = batch.StartsZeroBased;
        ReadOnlySpan<int> ends = batch.EndsZeroBasedExclusive;
        ReadOnlySpan<ushort> flags = batch.Flags;
        ReadOnlySpan<byte> mapqs = batch.MappingQualities;
        ReadOnlySpan<int> mateRefs = batch.MateReferenceIds;
        ReadOnlySpan<int> mateStarts = batch.MateStartsZeroBased;
        ReadOnlySpan<int> tlens = batch.TemplateLengths;
        ReadOnlySpan<int> lengths = batch.SequenceLengths;
        ReadOnlySpan<int> names = batch.NameIds;
        ReadOnlySpan<int> cigarOffsets = batch.CigarOffsets;
        for (int r = 0; r < batch.Count; r++)
        {
            ushort flag = flags[r];
            if (refs[r] != referenceId || !filter.Passes(flag, mapqs[r], refs[r]) || cigarOffsets[r + 1] == cigarOffsets[r])
            {
                continue;
            }

            if ((flag & (ushort)SamFlags.MateUnmapped) != 0 || (flag & (ushort)SamFlags.ProperPair) == 0)
            {
                continue;
            }

            if (refs[r] != mateRefs[r] || (Math.Abs((long)tlens[r]) >= 2L * lengths[r] && mateStarts[r] >= ends[r]))
            {
                continue;
            }

            if (waiting.TryGetValue(names[r], out int a))
            {
                waiting.Remove(names[r]);
                if (ends[a] >= starts[r])
                {
                    first.Add(a);
                    second.Add(r);
                    continue;
                }
            }

            if (mateStarts[r] >= starts[r])
            {
                waiting[names[r]] = r;
            }
        }

        return new OverlapPairs([.. first], [.. second]);
    }
}
