namespace CrbnVariantCaller.Counts.Batches;

/// <summary>
/// A flat, structure-of-arrays batch of decoded alignments: the input of every kernel on every backend.
/// Per-read arrays have <see cref="Count"/> entries; the offset arrays have <see cref="Count"/> + 1, so read
/// <c>r</c> owns <c>Cigars[CigarOffsets[r]..CigarOffsets[r+1]]</c>, <c>PackedBases[SequenceOffsets[r]..]</c>
/// (<c>(l_seq+1)/2</c> bytes) and <c>Qualities[QualityOffsets[r]..QualityOffsets[r+1]]</c>.
/// CIGAR words, packed bases and qualities are kept exactly as BAM stores them.
/// Reads must be in coordinate order (as in a sorted BAM) for overlapping-mate handling to match samtools.
/// Build one with <see cref="ReadBatchBuilder"/>; a batch is immutable once built.
/// </summary>
public sealed class ReadBatch
{
    internal ReadBatch(
        int count,
        int[] referenceIds,
        int[] startsZeroBased,
        int[] endsZeroBasedExclusive,
        ushort[] flags,
        byte[] mappingQualities,
        int[] mateReferenceIds,
        int[] mateStartsZeroBased,
        int[] templateLengths,
        int[] sequenceLengths,
        int[] numberOfHits,
        byte[] spliceStrands,
        int[] nameIds,
        int[] cigarOffsets,
        uint[] cigars,
        int[] sequenceOffsets,
        byte[] packedBases,
        int[] qualityOffsets,
        byte[] qualities)
    {
        Count = count;
        ReferenceIdArray = referenceIds;
        StartArray = startsZeroBased;
        EndArray = endsZeroBasedExclusive;
        FlagArray = flags;
        MapqArray = mappingQualities;
        MateReferenceIdArray = mateReferenceIds;
        MateStartArray = mateStartsZeroBased;
        TemplateLengthArray = templateLengths;
        SequenceLengthArray = sequenceLengths;
        NumberOfHitsArray = numberOfHits;
        SpliceStrandArray = spliceStrands;
        NameIdArray = nameIds;
        CigarOffsetArray = cigarOffsets;
        CigarArray = cigars;
        SequenceOffsetArray = sequenceOffsets;
        PackedBaseArray = packedBases;
        QualityOffsetArray = qualityOffsets;
        QualityArray = qualities;
    }

    /// <summary>A batch with no reads.</summary>
    public static ReadBatch Empty { get; } = new ReadBatchBuilder(1).Build();

    /// <summary>The number of reads.</summary>
    public int Count { get; }

    /// <summary>BAM refID per read (−1 unplaced).</summary>
    public ReadOnlySpan<int> ReferenceIds => ReferenceIdArray;

    /// <summary>0-based leftmost reference position per read (BAM <c>pos</c>).</summary>
    public ReadOnlySpan<int> StartsZeroBased => StartArray;

    /// <summary>0-based exclusive reference end per read: start + reference length of the CIGAR (start + 1 without CIGAR).</summary>
    public ReadOnlySpan<int> EndsZeroBasedExclusive => EndArray;

    /// <summary>SAM FLAG per read.</summary>
    public ReadOnlySpan<ushort> Flags => FlagArray;

    /// <summary>MAPQ per read.</summary>
    public ReadOnlySpan<byte> MappingQualities => MapqArray;

    /// <summary>Mate refID per read (−1 none).</summary>
    public ReadOnlySpan<int> MateReferenceIds => MateReferenceIdArray;

    /// <summary>Mate 0-based position per read (−1 none).</summary>
    public ReadOnlySpan<int> MateStartsZeroBased => MateStartArray;

    /// <summary>TLEN per read.</summary>
    public ReadOnlySpan<int> TemplateLengths => TemplateLengthArray;

    /// <summary>l_seq per read.</summary>
    public ReadOnlySpan<int> SequenceLengths => SequenceLengthArray;

    /// <summary>NH tag per read (0 when absent).</summary>
    public ReadOnlySpan<int> NumberOfHits => NumberOfHitsArray;

    /// <summary>XS strand per read (0 unknown, 1 plus, 2 minus; the values of <see cref="Core.Coordinates.Strand"/>).</summary>
    public ReadOnlySpan<byte> SpliceStrands => SpliceStrandArray;

    /// <summary>Query-name identity per read: reads with equal QNAME share an id (used to find mates).</summary>
    public ReadOnlySpan<int> NameIds => NameIdArray;

    /// <summary>Per-read offsets into <see cref="Cigars"/> (Count + 1 entries).</summary>
    public ReadOnlySpan<int> CigarOffsets => CigarOffsetArray;

    /// <summary>All CIGAR words, <c>len&lt;&lt;4|op</c>.</summary>
    public ReadOnlySpan<uint> Cigars => CigarArray;

    /// <summary>Per-read byte offsets into <see cref="PackedBases"/> (Count + 1 entries).</summary>
    public ReadOnlySpan<int> SequenceOffsets => SequenceOffsetArray;

    /// <summary>All bases, 4-bit packed, high nibble first (BAM <c>seq</c>).</summary>
    public ReadOnlySpan<byte> PackedBases => PackedBaseArray;

    /// <summary>Per-read offsets into <see cref="Qualities"/> (Count + 1 entries).</summary>
    public ReadOnlySpan<int> QualityOffsets => QualityOffsetArray;

    /// <summary>All base qualities (Phred, not +33).</summary>
    public ReadOnlySpan<byte> Qualities => QualityArray;

    /// <summary>The CIGAR of read <paramref name="read"/>.</summary>
    public ReadOnlySpan<uint> CigarOf(int read) =>
        CigarArray.AsSpan(CigarOffsetArray[read], CigarOffsetArray[read + 1] - CigarOffsetArray[read]);

    /// <summary>The 4-bit base code of query position <paramref name="index"/> of read <paramref name="read"/>.</summary>
    public int BaseCode(int read, int index)
    {
        byte b = PackedBaseArray[SequenceOffsetArray[read] + (index >> 1)];
        return (index & 1) != 0 ? b & 0xF : b >> 4;
    }

    internal int[] ReferenceIdArray { get; }
    internal int[] StartArray { get; }
    internal int[] EndArray { get; }
    internal ushort[] FlagArray { get; }
    internal byte[] MapqArray { get; }
    internal int[] MateReferenceIdArray { get; }
    internal int[] MateStartArray { get; }
    internal int[] TemplateLengthArray { get; }
    internal int[] SequenceLengthArray { get; }
    internal int[] NumberOfHitsArray { get; }
    internal byte[] SpliceStrandArray { get; }
    internal int[] NameIdArray { get; }
    internal int[] CigarOffsetArray { get; }
    internal uint[] CigarArray { get; }
    internal int[] SequenceOffsetArray { get; }
    internal byte[] PackedBaseArray { get; }
    internal int[] QualityOffsetArray { get; }
    internal byte[] QualityArray { get; }
}
