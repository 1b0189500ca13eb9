using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Compute.Cpu;

/// <summary>The managed junction kernels (<c>junction_count</c>, <c>junction_emit</c>).</summary>
internal static class CpuJunctionKernel
{
    /// <summary>Number of records read <paramref name="r"/> emits: its N operations when it passes the filter.</summary>
    public static int CountRecords(ReadBatch batch, int r, ReadFilter filter)
    {
        if (!filter.Passes(batch.FlagArray[r], batch.MapqArray[r], batch.ReferenceIdArray[r]))
        {
            return 0;
        }

        int c = 0;
        foreach (uint word in batch.CigarOf(r))
        {
            if (CigarOp.Op(word) == CigarOp.Skip)
            {
                c++;
            }
        }

        return c;
    }

    /// <summary>Writes read <paramref name="r"/>'s records from slot <paramref name="slot"/> on.</summary>
    public static void Emit(ReadBatch batch, int r, JunctionRequest request, int slot, int[] refs, int[] starts, int[] ends, int[] info)
    {
        if (!request.Filter.Passes(batch.FlagArray[r], batch.MapqArray[r], batch.ReferenceIdArray[r]))
        {
            return;
        }

        int strand = batch.SpliceStrandArray[r];
        int pos = batch.StartArray[r];
        int seg = 0;
        int pending = -1;
        int pendingLeft = 0;
        foreach (uint word in batch.CigarOf(r))
        {
            int op = CigarOp.Op(word);
            int len = CigarOp.Length(word);
            if (CigarOp.IsAlignedBase(op))
            {
                seg += len;
                pos += len;
            }
            else if (op == CigarOp.Deletion)
            {
                pos += len;
            }
            else if (op == CigarOp.Skip)
            {
                if (pending >= 0)
                {
                    info[pending] = strand | (Math.Min(pendingLeft, seg) >= request.MinAnchor ? 4 : 0);
                }

                pending = slot++;
                pendingLeft = seg;
                refs[pending] = batch.ReferenceIdArray[r];
                starts[pending] = pos;
                ends[pending] = pos + len;
                seg = 0;
                pos += len;
            }
        }

        if (pending >= 0)
        {
            info[pending] = strand | (Math.Min(pendingLeft, seg) >= request.MinAnchor ? 4 : 0);
        }
    }
}
