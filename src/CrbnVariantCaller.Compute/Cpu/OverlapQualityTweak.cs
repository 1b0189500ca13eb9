using CrbnVariantCaller.Compute.Host;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Compute.Cpu;

/// <summary>
/// htslib's <c>tweak_overlap_quality</c> for each overlapping pair (kernel <c>overlap_tweak</c>): where both mates
/// have an aligned base at the same reference position, equal bases give mate A the summed quality (capped at 200)
/// and mate B zero; different bases lower the better one to 80 % (truncated) and zero the other.
/// </summary>
internal static class OverlapQualityTweak
{
    /// <summary>Applies the rule to <paramref name="effectiveQualities"/>, a copy of the batch qualities.</summary>
    public static void Apply(ReadBatch batch, OverlapPairs pairs, byte[] effectiveQualities)
    {
        for (int p = 0; p < pairs.Count; p++)
        {
            ApplyPair(batch, pairs.First[p], pairs.Second[p], effectiveQualities);
        }
    }

    private static void ApplyPair(ReadBatch batch, int a, int b, byte[] quals)
    {
        int aPos = batch.StartArray[a], bPos = batch.StartArray[b];
        ReadOnlySpan<uint> aCig = batch.CigarOf(a), bCig = batch.CigarOf(b);
        Span<byte> aQ = quals.AsSpan(batch.QualityOffsetArray[a], batch.SequenceLengthArray[a]);
        Span<byte> bQ = quals.AsSpan(batch.QualityOffsetArray[b], batch.SequenceLengthArray[b]);
        ReadOnlySpan<byte> aSeq = batch.PackedBaseArray.AsSpan(batch.SequenceOffsetArray[a]);
        ReadOnlySpan<byte> bSeq = batch.PackedBaseArray.AsSpan(batch.SequenceOffsetArray[b]);

        var ca = new Cursor();
        var cb = new Cursor();
        int iref = bPos;
        int aRet = ca.Set(aCig, iref - aPos);
        if (aRet < 0)
        {
            return;
        }

        int bRet = cb.Set(bCig, iref - bPos);
        if (bRet < 0)
        {
            return;
        }

        while (true)
        {
            while (aRet >= 0 && ca.Iref >= 0 && ca.Iref < iref - aPos)
            {
                aRet = ca.Next(aCig);
            }

            if (aRet < 0)
            {
                break;
            }

            iref = Math.Max(iref, ca.Iref + aPos);
            while (bRet >= 0 && cb.Iref >= 0 && cb.Iref < iref - bPos)
            {
                bRet = cb.Next(bCig);
            }

            if (bRet < 0)
            {
                break;
            }

            iref = Math.Max(iref, cb.Iref + bPos);
            iref++;
            if (ca.Iref + aPos != cb.Iref + bPos)
            {
                continue;
            }

            if (ca.Iseq >= aQ.Length || cb.Iseq >= bQ.Length)
            {
                break;
            }

            int qa = aQ[ca.Iseq], qb = bQ[cb.Iseq];
            if (CigarRules.PackedBase(aSeq, ca.Iseq) == CigarRules.PackedBase(bSeq, cb.Iseq))
            {
                aQ[ca.Iseq] = (byte)Math.Min(qa + qb, 200);
                bQ[cb.Iseq] = 0;
            }
            else if (qa >= qb)
            {
                aQ[ca.Iseq] = (byte)(qa * 4 / 5);
                bQ[cb.Iseq] = 0;
            }
            else
            {
                bQ[cb.Iseq] = (byte)(qb * 4 / 5);
                aQ[ca.Iseq] = 0;
            }
        }
    }

    /// <summary>htslib's cigar_iref2iseq_set/next state over one CIGAR.</summary>
    private struct Cursor
    {
        public int K;
        public int Icig;
        public int Iseq;
        public int Iref;

        public int Set(ReadOnlySpan<uint> cig, int pos)
        {
            if (pos < 0)
            {
                return -1;
            }

            Icig = 0;
            Iseq = 0;
            Iref = 0;
            while (K < cig.Length)
            {
                int op = CigarOp.Op(cig[K]);
                int n = CigarOp.Length(cig[K]);
                if (op == CigarOp.SoftClip || op == CigarOp.Insertion)
                {
                    K++;
                    Iseq += n;
                    Icig = 0;
                }
                else if (op == CigarOp.HardClip || op == CigarOp.Pad)
                {
                    K++;
                    Icig = 0;
                }
                else if (CigarOp.IsAlignedBase(op))
                {
                    pos -= n;
                    if (pos < 0)
                    {
                        Icig = n + pos;
                        Iseq += Icig;
                        Iref += Icig;
                        return 0;
                    }

                    K++;
                    Iseq += n;
                    Icig = 0;
                    Iref += n;
                }
                else if (op == CigarOp.Deletion || op == CigarOp.Skip)
                {
                    pos = Math.Max(pos - n, 0);
                    K++;
                    Icig = 0;
                    Iref += n;
                }
                else
                {
                    return -2;
                }
            }

            Iseq = -1;
            return -1;
        }

        public int Next(ReadOnlySpan<uint> cig)
        {
            while (K < cig.Length)
            {
                int op = CigarOp.Op(cig[K]);
                int n = CigarOp.Length(cig[K]);
                if (CigarOp.IsAlignedBase(op))
                {
                    if (Icig >= n - 1)
                    {
                        Icig = 0;
                        K++;
                        continue;
                    }

                    Iseq++;
                    Icig++;
                    Iref++;
                    return 0;
                }

                if (op == CigarOp.Deletion || op == CigarOp.Skip)
                {
                    K++;
                    Iref += n;
                    Icig = 0;
                }
                else if (op == CigarOp.Insertion || op == CigarOp.SoftClip)
                {
                    K++;
                    Iseq += n;
                    Icig = 0;
                }
                else if (op == CigarOp.HardClip || op == CigarOp.Pad)
                {
                    K++;
                    Icig = 0;
                }
                else
                {
                    return -2;
                }
            }

            Iseq = -1;
            Iref = -1;
            return -1;
        }
    }
}
