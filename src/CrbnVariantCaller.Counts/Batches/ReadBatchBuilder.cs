using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Alignment;
namespace CrbnVariantCaller.Counts.Batches;

/// <summary>
/// Accumulates alignment records into a <see cref="ReadBatch"/> with memcpy-like copies of the raw BAM spans.
/// A BAM→batch adapter is a loop of <see cref="Add"/> calls; add records in file (coordinate) order.
/// </summary>
/// <remarks>
/// Nothing is allocated per record: fixed fields go into chunked row storage, the CIGAR/SEQ/QUAL bytes into chunked
/// buffers that never move (no copy on growth), and read names are interned as bytes by <see cref="ReadNameTable"/>.
/// <see cref="Build"/> lays everything out once into the batch's exact-size arrays and computes the offset arrays.
/// </remarks>
/// <example>
/// <code>
/// var builder = new ReadBatchBuilder();
/// foreach (var rec in bamReader.Records())
///     builder.Add(new ReadFields { ReferenceId = rec.RefId, PositionZeroBased = rec.Pos, Flag = rec.Flag, MappingQuality = rec.MapQ,
///                                  MateReferenceId = rec.NextRefId, MatePositionZeroBased = rec.NextPos, TemplateLength = rec.TLen },
///                 rec.ReadName, rec.RawCigar, rec.RawPackedSequence, rec.SequenceLength, rec.RawQualities);
/// ReadBatch batch = builder.Build();
/// </code>
/// </example>
public sealed class ReadBatchBuilder
{
    private readonly ReadNameTable _names;
    private readonly ChunkedBuffer<Row> _rows;
    private readonly ChunkedBuffer<uint> _cigars;
    private readonly ChunkedBuffer<byte> _bases;
    private readonly ChunkedBuffer<byte> _quals;
    private int _count;

    /// <summary>Creates a builder with room for <paramref name="expectedReads"/> reads of about 150 bases before it grows.</summary>
    public ReadBatchBuilder(int expectedReads = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedReads);
        _names = new ReadNameTable(expectedReads);
        _rows = new ChunkedBuffer<Row>(expectedReads);
        _cigars = new ChunkedBuffer<uint>(expectedReads * 2);
        _bases = new ChunkedBuffer<byte>(expectedReads * 75);
        _quals = new ChunkedBuffer<byte>(expectedReads * 150);
    }

    /// <summary>The number of reads added so far.</summary>
    public int Count => _count;

    /// <summary>Appends one alignment record.</summary>
    /// <param name="fields">The fixed-size fields.</param>
    /// <param name="readName">QNAME bytes without the trailing NUL (used only to pair mates).</param>
    /// <param name="cigar">CIGAR words exactly as BAM stores them.</param>
    /// <param name="packedBases">BAM <c>seq</c>: <c>(sequenceLength + 1) / 2</c> bytes, 4 bits per base.</param>
    /// <param name="sequenceLength">l_seq.</param>
    /// <param name="qualities">BAM <c>qual</c>: <paramref name="sequenceLength"/> bytes (0xFF when absent, as in BAM).</param>
    /// <exception cref="ArgumentException">The spans disagree with <paramref name="sequenceLength"/>.</exception>
    /// <exception cref="InvalidOperationException">The batch would exceed the largest array .NET allows.</exception>
    public void Add(
        in ReadFields fields,
        ReadOnlySpan<byte> readName,
        ReadOnlySpan<uint> cigar,
        ReadOnlySpan<byte> packedBases,
        int sequenceLength,
        ReadOnlySpan<byte> qualities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceLength);
        if (packedBases.Length != (sequenceLength + 1) / 2)
        {
            throw new ArgumentException($"packed sequence has {packedBases.Length} bytes but l_seq {sequenceLength} needs {(sequenceLength + 1) / 2}", nameof(packedBases));
        }

        if (qualities.Length != sequenceLength)
        {
            throw new ArgumentException($"quality has {qualities.Length} bytes but l_seq is {sequenceLength}", nameof(qualities));
        }

        if (_count == Array.MaxLength
            || _cigars.Count + cigar.Length > Array.MaxLength
            || _quals.Count + qualities.Length > Array.MaxLength)
        {
            throw new InvalidOperationException($"a read batch cannot hold more than {Array.MaxLength} elements in one array; split the input into smaller batches");
        }

        bool mapped = (fields.Flag & (ushort)SamFlags.Unmapped) == 0 && cigar.Length > 0;
        _rows.Add(new Row
        {
            ReferenceId = fields.ReferenceId,
            Start = fields.PositionZeroBased,
            End = mapped ? fields.PositionZeroBased + CigarOp.ReferenceLength(cigar) : fields.PositionZeroBased + 1,
            MateReferenceId = fields.MateReferenceId,
            MateStart = fields.MatePositionZeroBased,
            TemplateLength = fields.TemplateLength,
            SequenceLength = sequenceLength,
            NumberOfHits = fields.NumberOfHits,
            NameId = _names.GetOrAdd(readName),
            CigarCount = cigar.Length,
            Flag = fields.Flag,
            MappingQuality = fields.MappingQuality,
            SpliceStrand = (byte)fields.SpliceStrand,
        });
        _cigars.Add(cigar);
        _bases.Add(packedBases);
        _quals.Add(qualities);
        _count++;
    }

    /// <summary>Appends read <paramref name="read"/> of <paramref name="source"/> under <paramref name="readName"/>.</summary>
    /// <param name="source">The batch to copy from.</param>
    /// <param name="read">The read's index in <paramref name="source"/>.</param>
    /// <param name="readName">The name it pairs under in this builder.</param>
    /// <param name="spliceStrand">Replaces the read's XS strand when given.</param>
    public void AddFrom(ReadBatch source, int read, ReadOnlySpan<byte> readName, Strand? spliceStrand = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        int length = source.SequenceLengthArray[read];
        int seqStart = source.SequenceOffsetArray[read];
        int qualStart = source.QualityOffsetArray[read];
        Add(
            new ReadFields
            {
                ReferenceId = source.ReferenceIdArray[read],
                PositionZeroBased = source.StartArray[read],
                Flag = source.FlagArray[read],
                MappingQuality = source.MapqArray[read],
                MateReferenceId = source.MateReferenceIdArray[read],
                MatePositionZeroBased = source.MateStartArray[read],
                TemplateLength = source.TemplateLengthArray[read],
                NumberOfHits = source.NumberOfHitsArray[read],
                SpliceStrand = spliceStrand ?? (Strand)source.SpliceStrandArray[read],
            },
            readName,
            source.CigarOf(read),
            source.PackedBases.Slice(seqStart, source.SequenceOffsetArray[read + 1] - seqStart),
            length,
            source.Qualities.Slice(qualStart, source.QualityOffsetArray[read + 1] - qualStart));
    }

    /// <summary>Copies what was added into an immutable batch; the builder can keep adding afterwards.</summary>
    public ReadBatch Build()
    {
        int n = _count;
        int[] refIds = GC.AllocateUninitializedArray<int>(n);
        int[] starts = GC.AllocateUninitializedArray<int>(n);
        int[] ends = GC.AllocateUninitializedArray<int>(n);
        ushort[] flags = GC.AllocateUninitializedArray<ushort>(n);
        byte[] mapqs = GC.AllocateUninitializedArray<byte>(n);
        int[] mateRefIds = GC.AllocateUninitializedArray<int>(n);
        int[] mateStarts = GC.AllocateUninitializedArray<int>(n);
        int[] tlens = GC.AllocateUninitializedArray<int>(n);
        int[] seqLens = GC.AllocateUninitializedArray<int>(n);
        int[] nh = GC.AllocateUninitializedArray<int>(n);
        byte[] xs = GC.AllocateUninitializedArray<byte>(n);
        int[] nameIds = GC.AllocateUninitializedArray<int>(n);
        int[] cigarOffsets = GC.AllocateUninitializedArray<int>(n + 1);
        int[] seqOffsets = GC.AllocateUninitializedArray<int>(n + 1);
        int[] qualOffsets = GC.AllocateUninitializedArray<int>(n + 1);

        // Transpose the rows into the batch's structure of arrays, accumulating the offsets on the way.
        int r = 0, cigarAt = 0, seqAt = 0, qualAt = 0;
        for (int c = 0; c < _rows.ChunkCount; c++)
        {
            foreach (ref readonly Row row in _rows.Chunk(c))
            {
                refIds[r] = row.ReferenceId;
                starts[r] = row.Start;
                ends[r] = row.End;
                flags[r] = row.Flag;
                mapqs[r] = row.MappingQuality;
                mateRefIds[r] = row.MateReferenceId;
                mateStarts[r] = row.MateStart;
                tlens[r] = row.TemplateLength;
                seqLens[r] = row.SequenceLength;
                nh[r] = row.NumberOfHits;
                xs[r] = row.SpliceStrand;
                nameIds[r] = row.NameId;
                cigarOffsets[r] = cigarAt;
                seqOffsets[r] = seqAt;
                qualOffsets[r] = qualAt;
                cigarAt += row.CigarCount;
                seqAt += (row.SequenceLength + 1) >> 1;
                qualAt += row.SequenceLength;
                r++;
            }
        }

        cigarOffsets[n] = cigarAt;
        seqOffsets[n] = seqAt;
        qualOffsets[n] = qualAt;

        return new ReadBatch(
            n,
            refIds,
            starts,
            ends,
            flags,
            mapqs,
            mateRefIds,
            mateStarts,
            tlens,
            seqLens,
            nh,
            xs,
            nameIds,
            cigarOffsets,
            _cigars.ToArray(),
            seqOffsets,
            _bases.ToArray(),
            qualOffsets,
            _quals.ToArray());
    }

    /// <summary>One read's fixed fields as the builder stores them until <see cref="Build"/> transposes them.</summary>
    private struct Row
    {
        public int ReferenceId;
        public int Start;
        public int End;
        public int MateReferenceId;
        public int MateStart;
        public int TemplateLength;
        public int SequenceLength;
        public int NumberOfHits;
        public int NameId;
        public int CigarCount;
        public ushort Flag;
        public byte MappingQuality;
        public byte SpliceStrand;
    }
}
