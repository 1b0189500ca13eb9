using ILGPU;

namespace CrbnVariantCaller.Kernels;

/// <summary>
/// Overlapping mates (htslib <c>tweak_overlap_quality</c>): one thread per pair (A = the mate seen first). The
/// effective qualities start as a copy of the read qualities; only bases of A and B are written, and each read belongs
/// to at most one pair, so threads never touch the same bytes.
/// </summary>
public static class OverlapKernels
{
    /// <summary>Tweaks the qualities of pair <paramref name="index"/> in <paramref name="effectiveQuals"/>.</summary>
    public static void Tweak(Index1D index, ReadViews reads, ArrayView<int> pairA, ArrayView<int> pairB, ArrayView<byte> effectiveQuals)
    {
        int a = pairA[index], b = pairB[index];
        int aPos = reads.Starts[a], bPos = reads.Starts[b];
        int aQ = reads.QualityOffsets[a], bQ = reads.QualityOffsets[b];
        int aLen = reads.SequenceLengths[a], bLen = reads.SequenceLengths[b];
        var ca = new CigarCursor(reads.CigarOffsets[a], reads.CigarOffsets[a + 1]);
        var cb = new CigarCursor(reads.CigarOffsets[b], reads.CigarOffsets[b + 1]);
        int iref = bPos;
        int aRet = ca.Set(reads.Cigars, iref - aPos);
        if (aRet < 0)
        {
            return;
        }

        int bRet = cb.Set(reads.Cigars, iref - bPos);
        if (bRet < 0)
        {
            return;
        }

        while (true)
        {
            while (aRet >= 0 && ca.Iref >= 0 && ca.Iref < iref - aPos)
            {
                aRet = ca.Next(reads.Cigars);
            }

            if (aRet < 0)
            {
                break;
            }

            if (iref < ca.Iref + aPos)
            {
                iref = ca.Iref + aPos;
            }

            while (bRet >= 0 && cb.Iref >= 0 && cb.Iref < iref - bPos)
            {
                bRet = cb.Next(reads.Cigars);
            }

            if (bRet < 0)
            {
                break;
            }

            if (iref < cb.Iref + bPos)
            {
                iref = cb.Iref + bPos;
            }

            iref++;
            if (ca.Iref + aPos != cb.Iref + bPos)
            {
                continue;
            }

            if (ca.Iseq >= aLen || cb.Iseq >= bLen)
            {
                break; // fell off the sequence: a bad CIGAR
            }

            int qa = effectiveQuals[aQ + ca.Iseq], qb = effectiveQuals[bQ + cb.Iseq];
            if (reads.BaseCode(a, ca.Iseq) == reads.BaseCode(b, cb.Iseq))
            {
                int sum = qa + qb;
                effectiveQuals[aQ + ca.Iseq] = (byte)(sum > 200 ? 200 : sum);
                effectiveQuals[bQ + cb.Iseq] = 0;
            }
            else if (qa >= qb)
            {
                effectiveQuals[aQ + ca.Iseq] = (byte)(qa * 4 / 5); // htslib: 0.8 * q truncated; identical for 0..255
                effectiveQuals[bQ + cb.Iseq] = 0;
            }
            else
            {
                effectiveQuals[bQ + cb.Iseq] = (byte)(qb * 4 / 5);
                effectiveQuals[aQ + ca.Iseq] = 0;
            }
        }
    }

    /// <summary>A cursor over one read's CIGAR: htslib's <c>cigar_iref2iseq_set</c>/<c>_next</c>.</summary>
    private struct CigarCursor
    {
        private int _k;
        private readonly int _end;
        private int _icig;

        public CigarCursor(int first, int end)
        {
            _k = first;
            _end = end;
            _icig = 0;
            Iseq = 0;
            Iref = 0;
        }

        /// <summary>Query index.</summary>
        public int Iseq;

        /// <summary>Reference offset from the read start (−1 when done).</summary>
        public int Iref;

        public int Set(ArrayView<uint> cigars, int pos)
        {
            if (pos < 0)
            {
                return -1;
            }

            _icig = 0;
            Iseq = 0;
            Iref = 0;
            while (_k < _end)
            {
                uint op = Cigar.Op(cigars[_k]);
                int n = Cigar.Length(cigars[_k]);
                if (op == Cigar.S)
                {
                    _k++;
                    Iseq += n;
                    _icig = 0;
                }
                else if (op == Cigar.H || op == Cigar.P)
                {
                    _k++;
                    _icig = 0;
                }
                else if (Cigar.IsMatch(op))
                {
                    pos -= n;
                    if (pos < 0)
                    {
                        _icig = n + pos;
                        Iseq += _icig;
                        Iref += _icig;
                        return 0;
                    }

                    _k++;
                    Iseq += n;
                    _icig = 0;
                    Iref += n;
                }
                else if (op == Cigar.I)
                {
                    _k++;
                    Iseq += n;
                    _icig = 0;
                }
                else if (op == Cigar.D || op == Cigar.N)
                {
                    pos -= n;
                    if (pos < 0)
                    {
                        pos = 0;
                    }

                    _k++;
                    _icig = 0;
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

        public int Next(ArrayView<uint> cigars)
        {
            while (_k < _end)
            {
                uint op = Cigar.Op(cigars[_k]);
                int n = Cigar.Length(cigars[_k]);
                if (Cigar.IsMatch(op))
                {
                    if (_icig >= n - 1)
                    {
                        _icig = 0;
                        _k++;
                        continue;
                    }

                    Iseq++;
                    _icig++;
                    Iref++;
                    return 0;
                }

                if (op == Cigar.D || op == Cigar.N)
                {
                    _k++;
                    Iref += n;
                    _icig = 0;
                }
                else if (op == Cigar.I || op == Cigar.S)
                {
                    _k++;
                    Iseq += n;
                    _icig = 0;
                }
                else if (op == Cigar.H || op == Cigar.P)
                {
                    _k++;
                    _icig = 0;
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
