using ILGPU;

namespace CrbnVariantCaller.Kernels;

/// <summary>
/// One slice of a read batch on a device, structure of arrays, one entry per read <c>r</c> unless noted:
/// offsets index this slice's own <see cref="Cigars"/>, <see cref="PackedBases"/> and qualities (rebased to 0).
/// CIGAR words, packed bases (high nibble first) and qualities are exactly as BAM stores them.
/// </summary>
public readonly struct ReadViews
{
    public ReadViews(
        ArrayView<int> referenceIds,
        ArrayView<int> starts,
        ArrayView<ushort> flags,
        ArrayView<byte> mappingQualities,
        ArrayView<int> numberOfHits,
        ArrayView<byte> spliceStrands,
        ArrayView<int> sequenceLengths,
        ArrayView<int> cigarOffsets,
        ArrayView<uint> cigars,
        ArrayView<int> sequenceOffsets,
        ArrayView<byte> packedBases,
        ArrayView<int> qualityOffsets)
    {
        ReferenceIds = referenceIds;
        Starts = starts;
        Flags = flags;
        MappingQualities = mappingQualities;
        NumberOfHits = numberOfHits;
        SpliceStrands = spliceStrands;
        SequenceLengths = sequenceLengths;
        CigarOffsets = cigarOffsets;
        Cigars = cigars;
        SequenceOffsets = sequenceOffsets;
        PackedBases = packedBases;
        QualityOffsets = qualityOffsets;
    }

    /// <summary>BAM refID (−1 unplaced).</summary>
    public readonly ArrayView<int> ReferenceIds;

    /// <summary>0-based leftmost reference position.</summary>
    public readonly ArrayView<int> Starts;

    /// <summary>SAM FLAG.</summary>
    public readonly ArrayView<ushort> Flags;

    /// <summary>MAPQ.</summary>
    public readonly ArrayView<byte> MappingQualities;

    /// <summary>NH tag (0 when absent).</summary>
    public readonly ArrayView<int> NumberOfHits;

    /// <summary>XS strand (0 unknown, 1 plus, 2 minus).</summary>
    public readonly ArrayView<byte> SpliceStrands;

    /// <summary>l_seq.</summary>
    public readonly ArrayView<int> SequenceLengths;

    /// <summary>Count + 1 entries: read r owns <c>Cigars[CigarOffsets[r]..CigarOffsets[r+1]]</c>.</summary>
    public readonly ArrayView<int> CigarOffsets;

    /// <summary>All CIGAR words of the slice.</summary>
    public readonly ArrayView<uint> Cigars;

    /// <summary>Byte offset of each read in <see cref="PackedBases"/>.</summary>
    public readonly ArrayView<int> SequenceOffsets;

    /// <summary>4-bit packed bases.</summary>
    public readonly ArrayView<byte> PackedBases;

    /// <summary>Offset of each read in the quality array handed to a kernel.</summary>
    public readonly ArrayView<int> QualityOffsets;

    /// <summary>The 4-bit base code of query position <paramref name="i"/> of read <paramref name="r"/>.</summary>
    public int BaseCode(int r, int i)
    {
        int b = PackedBases[SequenceOffsets[r] + (i >> 1)];
        return (i & 1) != 0 ? b & 0xF : b >> 4;
    }
}
