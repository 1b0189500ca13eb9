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

    /// <summary>The name id of every read added so far, in order (reads with the same QNAME share one).</summary>
    public int[] NameIds()
    {
        int[] ids = new int[_count];
        int r = 0;
        for (int c = 0; c < _rows.ChunkCount; c++)
        {
            foreach (ref readonly Row row in _rows.Chunk(c))
            {
                ids[r++] = row.NameId;
            }
        }

        return ids;
    }

    /// <summary>
    /// Copies the reads <paramref name="keep"/> selects (by their index in the order added) into an immutable batch,
    /// keeping their name ids; the builder can keep adding afterwards.
    /// </summary>
    public ReadBatch Build(Predicate<int> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        bool[] kept = new bool[_count];
        int n = 0;
        long cigarTotal = 0, seqTotal = 0, qualTotal = 0;
        int r = 0;
        for (int c = 0; c < _rows.ChunkCount; c++)
        {
            foreach (ref readonly Row row in _rows.Chunk(c))
            {
                if (kept[r] = keep(r))
                {
                    n++;
                    cigarTotal += row.CigarCount;
                    seqTotal += (row.SequenceLength + 1) >> 1;
                    qualTotal += row.SequenceLength;
                }

                r++;
            }
        }

        var batch = new Columns(n, new uint[checked((int)cigarTotal)], new byte[checked((int)seqTotal)], new byte[checked((int)qualTotal)]);
        ChunkedBuffer<uint>.Cursor cigars = _cigars.Read();
        ChunkedBuffer<byte>.Cursor bases = _bases.Read();
        ChunkedBuffer<byte>.Cursor quals = _quals.Read();
        r = 0;
        int k = 0;
        for (int c = 0; c < _rows.ChunkCount; c++)
        {
            foreach (ref readonly Row row in _rows.Chunk(c))
            {
                int packed = (row.SequenceLength + 1) >> 1;
                if (!kept[r++])
                {
                    cigars.Skip(row.CigarCount);
                    bases.Skip(packed);
                    quals.Skip(row.SequenceLength);
                    continue;
                }

                batch.Set(k, row);
                cigars.CopyNext(batch.Cigars.AsSpan(batch.CigarOffsets[k], row.CigarCount));
                bases.CopyNext(batch.Bases.AsSpan(batch.SeqOffsets[k], packed));
                quals.CopyNext(batch.Quals.AsSpan(batch.QualOffsets[k], row.SequenceLength));
                k++;
            }
        }

        return batch.ToBatch();
    }

    /// <summary>Copies what was added into an immutable batch; the builder can keep adding afterwards.</summary>
    public ReadBatch Build()
    {
        // Transpose the rows into the batch's structure of arrays; the variable-length data is copied in bulk.
        var batch = new Columns(_count, _cigars.ToArray(), _bases.ToArray(), _quals.ToArray());
        int r = 0;
        for (int c = 0; c < _rows.ChunkCount; c++)
        {
            foreach (ref readonly Row row in _rows.Chunk(c))
            {
                batch.Set(r++, row);
            }
        }

        return batch.ToBatch();
    }

    /// <summary>The arrays of a batch being filled row by row.</summary>
    private sealed class Columns(int n, uint[] cigars, byte[] bases, byte[] quals)
    {
        private readonly int[] _refIds = GC.AllocateUninitializedArray<int>(n), _starts = new int[n], _ends = new int[n], _mateRefIds = new int[n],
            _mateStarts = new int[n], _tlens = new int[n], _seqLens = new int[n], _nh = new int[n], _nameIds = new int[n];
        private readonly ushort[] _flags = new ushort[n];
        private readonly byte[] _mapqs = new byte[n], _xs = new byte[n];
        private int _cigarAt, _seqAt, _qualAt;

        public int[] CigarOffsets { get; } = new int[n + 1];
        public int[] SeqOffsets { get; } = new int[n + 1];
        public int[] QualOffsets { get; } = new int[n + 1];
        public uint[] Cigars { get; } = cigars;
        public byte[] Bases { get; } = bases;
        public byte[] Quals { get; } = quals;

        public void Set(int r, in Row row)
        {
            _refIds[r] = row.ReferenceId;
            _starts[r] = row.Start;
            _ends[r] = row.End;
            _flags[r] = row.Flag;
            _mapqs[r] = row.MappingQuality;
            _mateRefIds[r] = row.MateReferenceId;
            _mateStarts[r] = row.MateStart;
            _tlens[r] = row.TemplateLength;
            _seqLens[r] = row.SequenceLength;
            _nh[r] = row.NumberOfHits;
            _xs[r] = row.SpliceStrand;
            _nameIds[r] = row.NameId;
            CigarOffsets[r] = _cigarAt;
            SeqOffsets[r] = _seqAt;
            QualOffsets[r] = _qualAt;
            _cigarAt += row.CigarCount;
            _seqAt += (row.SequenceLength + 1) >> 1;
            _qualAt += row.SequenceLength;
            CigarOffsets[r + 1] = _cigarAt;
            SeqOffsets[r + 1] = _seqAt;
            QualOffsets[r + 1] = _qualAt;
        }

        public ReadBatch ToBatch() => new(
            n, _refIds, _starts, _ends, _flags, _mapqs, _mateRefIds, _mateStarts, _tlens, _seqLens, _nh, _xs, _nameIds,
            CigarOffsets, Cigars, SeqOffsets, Bases, QualOffsets, Quals);
    }

    /// <summary>One read's fixed fields as the builder stores them until <see cref="Build()"/> transposes them.</summary>
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
