using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Compute.Cpu;

/// <summary>The managed pileup kernel (kernel <c>pileup</c>), one read at a time into a counts array.</summary>
internal static class CpuPileupKernel
{
    private const int Channels = PileupCounts.ChannelsPerPosition;
    private const int DeletionChannel = (int)PileupChannel.Deletion * 2;
    private const int InsertionChannel = (int)PileupChannel.Insertion * 2;

    /// <summary>Adds the contribution of read <paramref name="r"/> to <paramref name="counts"/>.</summary>
    public static void CountRead(ReadBatch batch, int r, ReadOnlySpan<byte> quals, PileupRequest request, Span<int> counts)
    {
        ReferenceWindow window = request.Window;
        ushort flag = batch.FlagArray[r];
        if (batch.ReferenceIdArray[r] != window.ReferenceId ||
            !request.Filter.Passes(flag, batch.MapqArray[r], batch.ReferenceIdArray[r]))
        {
            return;
        }

        ReadOnlySpan<uint> cigar = batch.CigarOf(r);
        int strand = (flag & (ushort)SamFlags.Reverse) != 0 ? 1 : 0;
        int lq = batch.SequenceLengthArray[r];
        ReadOnlySpan<byte> seq = batch.PackedBaseArray.AsSpan(batch.SequenceOffsetArray[r], (lq + 1) / 2);
        ReadOnlySpan<byte> qual = quals.Slice(batch.QualityOffsetArray[r], lq);
        int winStart = window.Start.ZeroBased;
        int winEnd = winStart + window.Length;
        int minBq = request.MinBaseQuality;
        int pos = batch.StartArray[r];
        int q = 0;

        for (int k = 0; k < cigar.Length; k++)
        {
            int op = CigarOp.Op(cigar[k]);
            int len = CigarOp.Length(cigar[k]);
            if (CigarOp.IsAlignedBase(op))
            {
                int jlo = Math.Max(0, winStart - pos);
                int jhi = Math.Min(len, winEnd - pos);
                for (int j = jlo; j < jhi; j++)
                {
                    int qq = q + j;
                    int bq = qq < lq ? qual[qq] : 0;
                    if (bq >= minBq)
                    {
                        int ch = qq < lq ? CigarRules.BaseChannel(CigarRules.PackedBase(seq, qq)) : 4;
                        counts[((pos + j - winStart) * Channels) + (ch * 2) + strand]++;
                    }
                }

                int last = pos + len - 1;
                if (len > 0 && last >= winStart && last < winEnd && CigarRules.InsertionAfter(cigar, k) > 0)
                {
                    int qq = q + len - 1;
                    int bq = qq < lq ? qual[qq] : 0;
                    if (bq >= minBq)
                    {
                        counts[((last - winStart) * Channels) + InsertionChannel + strand]++;
                    }
                }

                pos += len;
                q += len;
            }
            else if (op is CigarOp.Deletion or CigarOp.Skip)
            {
                // htslib gives a deleted/skipped position the query index of the next base (qpos = s->y).
                int bq = q < lq ? qual[q] : 0;
                if (bq >= minBq)
                {
                    if (op == CigarOp.Deletion)
                    {
                        int lo = Math.Max(pos, winStart);
                        int hi = Math.Min(pos + len, winEnd);
                        for (int x = lo; x < hi; x++)
                        {
                            counts[((x - winStart) * Channels) + DeletionChannel + strand]++;
                        }
                    }

                    int last = pos + len - 1;
                    if (len > 0 && last >= winStart && last < winEnd && CigarRules.InsertionAfter(cigar, k) > 0)
                    {
                        counts[((last - winStart) * Channels) + InsertionChannel + strand]++;
                    }
                }

                pos += len;
            }
            else if (op is CigarOp.Insertion or CigarOp.SoftClip)
            {
                q += len;
            }
        }
    }
}
