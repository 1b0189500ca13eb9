using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Compute.Cpu;

/// <summary>The managed feature-assignment kernel (<c>feature_assign</c>): featureCounts meta-feature rules.</summary>
internal static class CpuFeatureKernel
{
    /// <summary>The gene index read <paramref name="r"/>'s read or fragment is assigned to, or a negative <see cref="FeatureAssignment"/>.</summary>
    public static int Assign(ReadBatch batch, int r, int[] mateOf, FeatureIndex features, FeatureCountRequest request)
    {
        int m = mateOf[r];
        if (m >= 0 && m < r)
        {
            return (int)FeatureAssignment.CountedWithMate;
        }

        ushort f = batch.FlagArray[r];
        bool rMapped = IsMapped(batch, r);
        bool mMapped = m >= 0 && IsMapped(batch, m);
        if (!rMapped && !mMapped)
        {
            return (int)FeatureAssignment.Unmapped;
        }

        if ((f & (ushort)SamFlags.Supplementary) != 0)
        {
            return (int)FeatureAssignment.Supplementary;
        }

        if (!request.CountMultiMapping &&
            ((f & (ushort)SamFlags.Secondary) != 0 || batch.NumberOfHitsArray[r] > 1 || (mMapped && batch.NumberOfHitsArray[m] > 1)))
        {
            return (int)FeatureAssignment.MultiMapping;
        }

        if ((rMapped && batch.MapqArray[r] < request.MinMappingQuality) || (mMapped && batch.MapqArray[m] < request.MinMappingQuality))
        {
            return (int)FeatureAssignment.MappingQuality;
        }

        if (request.IgnoreDuplicates &&
            ((f & (ushort)SamFlags.Duplicate) != 0 || (m >= 0 && (batch.FlagArray[m] & (ushort)SamFlags.Duplicate) != 0)))
        {
            return (int)FeatureAssignment.Duplicate;
        }

        bool reverse = (f & (ushort)SamFlags.Reverse) != 0;
        if ((f & (ushort)SamFlags.Paired) != 0 && (f & (ushort)SamFlags.Read2) != 0)
        {
            reverse = !reverse;
        }

        int readStrand = reverse ? 2 : 1;
        int found = -1;
        if ((rMapped && ScanRead(batch, r, readStrand, request.Strandedness, features, ref found)) ||
            (mMapped && ScanRead(batch, m, readStrand, request.Strandedness, features, ref found)))
        {
            return (int)FeatureAssignment.Ambiguous;
        }

        return found >= 0 ? found : (int)FeatureAssignment.NoFeatures;
    }

    private static bool IsMapped(ReadBatch batch, int r) =>
        (batch.FlagArray[r] & (ushort)SamFlags.Unmapped) == 0 && batch.ReferenceIdArray[r] >= 0 &&
        batch.CigarOffsetArray[r + 1] > batch.CigarOffsetArray[r];

    /// <summary>Scans the blocks (M/=/X/D runs split by N) of read <paramref name="r"/>; true once two genes are seen.</summary>
    private static bool ScanRead(ReadBatch batch, int r, int readStrand, Strandedness mode, FeatureIndex features, ref int found)
    {
        int reference = batch.ReferenceIdArray[r];
        int pos = batch.StartArray[r];
        int blockStart = pos;
        bool open = false;
        foreach (uint word in batch.CigarOf(r))
        {
            int op = CigarOp.Op(word);
            int len = CigarOp.Length(word);
            if (CigarOp.IsAlignedBase(op) || op == CigarOp.Deletion)
            {
                if (!open)
                {
                    blockStart = pos;
                    open = true;
                }

                pos += len;
            }
            else if (op == CigarOp.Skip)
            {
                if (open && ScanBlock(reference, blockStart, pos, readStrand, mode, features, ref found))
                {
                    return true;
                }

                open = false;
                pos += len;
            }
        }

        return open && ScanBlock(reference, blockStart, pos, readStrand, mode, features, ref found);
    }

    private static bool ScanBlock(int reference, int bs, int be, int readStrand, Strandedness mode, FeatureIndex features, ref int found)
    {
        if (reference < 0 || reference >= features.ReferenceCount)
        {
            return false;
        }

        int lo = features.FirstByReference[reference];
        int hi = features.FirstByReference[reference + 1];
        int key = bs - features.MaxFeatureLength;
        int a = lo, b = hi;
        while (a < b)
        {
            int mid = a + ((b - a) >> 1);
            if (features.Starts[mid] < key)
            {
                a = mid + 1;
            }
            else
            {
                b = mid;
            }
        }

        for (int i = a; i < hi && features.Starts[i] < be; i++)
        {
            if (features.Ends[i] <= bs)
            {
                continue;
            }

            int fs = features.Strands[i];
            if (mode != Strandedness.Unstranded && fs != 0)
            {
                int want = mode == Strandedness.Stranded ? readStrand : (readStrand == 1 ? 2 : 1);
                if (fs != want)
                {
                    continue;
                }
            }

            int g = features.Genes[i];
            if (found < 0)
            {
                found = g;
            }
            else if (found != g)
            {
                return true;
            }
        }

        return false;
    }
}
