using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Compute.Host;

/// <summary>
/// Pairs read 1 with read 2 of each template (primary alignments only, matched by QNAME) for fragment counting.
/// <c>MateOf[r]</c> is the batch index of the mate, or −1 when the read counts alone.
/// </summary>
public static class FragmentMates
{
    /// <summary>Finds the mates in <paramref name="batch"/>.</summary>
    public static int[] Find(ReadBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int[] mateOf = new int[batch.Count];
        Array.Fill(mateOf, -1);
        var waiting = new Dictionary<long, int>();
        ReadOnlySpan<ushort> flags = batch.Flags;
        ReadOnlySpan<int> names = batch.NameIds;
        const ushort notPrimary = (ushort)(SamFlags.Secondary | SamFlags.Supplementary);
        for (int r = 0; r < batch.Count; r++)
        {
            ushort flag = flags[r];
            if ((flag & (ushort)SamFlags.Paired) == 0 || (flag & notPrimary) != 0)
            {
                continue;
            }

            bool isRead2 = (flag & (ushort)SamFlags.Read2) != 0;
            long mateKey = ((long)names[r] << 1) | (isRead2 ? 0L : 1L);
            if (waiting.Remove(mateKey, out int mate))
            {
                mateOf[r] = mate;
                mateOf[mate] = r;
            }
            else
            {
                waiting[((long)names[r] << 1) | (isRead2 ? 1L : 0L)] = r;
            }
        }

        return mateOf;
    }
}
