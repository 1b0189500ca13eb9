using ILGPU;

namespace CrbnVariantCaller.Kernels;

/// <summary>Where <see cref="JunctionKernels.Emit"/> writes: one slot per N operation of each passing read, in read order.</summary>
public readonly struct JunctionOutputs
{
    public JunctionOutputs(ArrayView<int> referenceIds, ArrayView<int> starts, ArrayView<int> ends, ArrayView<int> info)
    {
        ReferenceIds = referenceIds;
        Starts = starts;
        Ends = ends;
        Info = info;
    }

    /// <summary>refID per record.</summary>
    public readonly ArrayView<int> ReferenceIds;

    /// <summary>0-based first intronic base.</summary>
    public readonly ArrayView<int> Starts;

    /// <summary>0-based exclusive intron end.</summary>
    public readonly ArrayView<int> Ends;

    /// <summary>Strand code (bits 0–1) | anchor passed (bit 2).</summary>
    public readonly ArrayView<int> Info;
}

/// <summary>
/// Junctions: every N operation of a passing read becomes one record. <see cref="Count"/> gives the records per read
/// (the host scans them into slots), <see cref="Emit"/> writes them. The anchor of a side is the number of M/=/X bases
/// between this N and the neighbouring N, or the read end, on that side.
/// </summary>
public static class JunctionKernels
{
    /// <summary><c>perRead[r]</c> = the number of N operations of read r when it passes the filter, else 0.</summary>
    public static void Count(Index1D index, ReadViews reads, ReadFilterArgs filter, ArrayView<int> perRead)
    {
        int r = index;
        int c = 0;
        if (filter.Passes(reads, r))
        {
            for (int k = reads.CigarOffsets[r]; k < reads.CigarOffsets[r + 1]; ++k)
            {
                if (Cigar.Op(reads.Cigars[k]) == Cigar.N)
                {
                    c++;
                }
            }
        }

        perRead[r] = c;
    }

    /// <summary>Writes the records of read <paramref name="index"/> from slot <c>slots[r]</c> on.</summary>
    public static void Emit(Index1D index, ReadViews reads, ReadFilterArgs filter, int minAnchor, ArrayView<int> slots, JunctionOutputs output)
    {
        int r = index;
        if (!filter.Passes(reads, r))
        {
            return;
        }

        int slot = slots[r];
        int strand = reads.SpliceStrands[r];
        int pos = reads.Starts[r];
        int segment = 0; // aligned bases since the previous N
        int pending = -1; // slot of the previous N, waiting for its right anchor
        int pendingLeft = 0;
        for (int k = reads.CigarOffsets[r]; k < reads.CigarOffsets[r + 1]; ++k)
        {
            uint op = Cigar.Op(reads.Cigars[k]);
            int len = Cigar.Length(reads.Cigars[k]);
            if (Cigar.IsMatch(op))
            {
                segment += len;
                pos += len;
            }
            else if (op == Cigar.D)
            {
                pos += len;
            }
            else if (op == Cigar.N)
            {
                if (pending >= 0)
                {
                    output.Info[pending] = strand | (Cigar.Min(pendingLeft, segment) >= minAnchor ? 4 : 0);
                }

                pending = slot++;
                pendingLeft = segment;
                output.ReferenceIds[pending] = reads.ReferenceIds[r];
                output.Starts[pending] = pos;
                output.Ends[pending] = pos + len;
                segment = 0;
                pos += len;
            }
        }

        if (pending >= 0)
        {
            output.Info[pending] = strand | (Cigar.Min(pendingLeft, segment) >= minAnchor ? 4 : 0);
        }
    }
}
