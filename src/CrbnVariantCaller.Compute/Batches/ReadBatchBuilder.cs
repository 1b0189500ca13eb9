using System.Text;

namespace CrbnVariantCaller.Compute.Batches;

/// <summary>
/// Accumulates alignment records into a <see cref="ReadBatch"/> with memcpy-like copies of the raw BAM spans.
/// A BAM→batch adapter is a loop of <see cref="Add"/> calls; add records in file (coordinate) order.
/// </summary>
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
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private int _count;
    private int[] _refIds;
    private int[] _starts;
    private int[] _ends;
    private ushort[] _flags;
    private byte[] _mapqs;
    private int[] _mateRefIds;
    private int[] _mateStarts;
    private int[] _tlens;
    private int[] _seqLens;
    private int[] _nh;
    private byte[] _xs;
    private int[] _nameIds;
    private int[] _cigarOffsets;
    private int[] _seqOffsets;
    private int[] _qualOffsets;
    private uint[] _cigars;
    private byte[] _bases;
    private byte[] _quals;
    private int _cigarCount;
    private long _baseCount;
    private long _qualCount;

    /// <summary>Creates a builder with room for <paramref name="expectedReads"/> reads of about 150 bases.</summary>
    public ReadBatchBuilder(int expectedReads = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expectedReads);
        _refIds = new int[expectedReads];
        _starts = new int[expectedReads];
        _ends = new int[expectedReads];
        _flags = new ushort[expectedReads];
        _mapqs = new byte[expectedReads];
        _mateRefIds = new int[expectedReads];
        _mateStarts = new int[expectedReads];
        _tlens = new int[expectedReads];
        _seqLens = new int[expectedReads];
        _nh = new int[expectedReads];
        _xs = new byte[expectedReads];
        _nameIds = new int[expectedReads];
        _cigarOffsets = new int[expectedReads + 1];
        _seqOffsets = new int[expectedReads + 1];
        _qualOffsets = new int[expectedReads + 1];
        _cigars = new uint[expectedReads * 2];
        _bases = new byte[expectedReads * 75];
        _quals = new byte[expectedReads * 150];
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

        if (_count == _refIds.Length)
        {
            GrowReads();
        }

        int r = _count;
        _refIds[r] = fields.ReferenceId;
        _starts[r] = fields.PositionZeroBased;
        bool mapped = (fields.Flag & (ushort)SamFlags.Unmapped) == 0 && cigar.Length > 0;
        _ends[r] = mapped ? fields.PositionZeroBased + CigarOp.ReferenceLength(cigar) : fields.PositionZeroBased + 1;
        _flags[r] = fields.Flag;
        _mapqs[r] = fields.MappingQuality;
        _mateRefIds[r] = fields.MateReferenceId;
        _mateStarts[r] = fields.MatePositionZeroBased;
        _tlens[r] = fields.TemplateLength;
        _seqLens[r] = sequenceLength;
        _nh[r] = fields.NumberOfHits;
        _xs[r] = (byte)fields.SpliceStrand;
        _nameIds[r] = NameId(readName);

        EnsureCapacity(ref _cigars, (long)_cigarCount + cigar.Length);
        cigar.CopyTo(_cigars.AsSpan(_cigarCount));
        _cigarCount += cigar.Length;
        EnsureCapacity(ref _bases, _baseCount + packedBases.Length);
        packedBases.CopyTo(_bases.AsSpan((int)_baseCount));
        _baseCount += packedBases.Length;
        EnsureCapacity(ref _quals, _qualCount + qualities.Length);
        qualities.CopyTo(_quals.AsSpan((int)_qualCount));
        _qualCount += qualities.Length;

        _count++;
        _cigarOffsets[_count] = _cigarCount;
        _seqOffsets[_count] = (int)_baseCount;
        _qualOffsets[_count] = (int)_qualCount;
    }

    /// <summary>Copies what was added into an immutable batch; the builder can keep adding afterwards.</summary>
    public ReadBatch Build()
    {
        int n = _count;
        return new ReadBatch(
            n,
            _refIds.AsSpan(0, n).ToArray(),
            _starts.AsSpan(0, n).ToArray(),
            _ends.AsSpan(0, n).ToArray(),
            _flags.AsSpan(0, n).ToArray(),
            _mapqs.AsSpan(0, n).ToArray(),
            _mateRefIds.AsSpan(0, n).ToArray(),
            _mateStarts.AsSpan(0, n).ToArray(),
            _tlens.AsSpan(0, n).ToArray(),
            _seqLens.AsSpan(0, n).ToArray(),
            _nh.AsSpan(0, n).ToArray(),
            _xs.AsSpan(0, n).ToArray(),
            _nameIds.AsSpan(0, n).ToArray(),
            _cigarOffsets.AsSpan(0, n + 1).ToArray(),
            _cigars.AsSpan(0, _cigarCount).ToArray(),
            _seqOffsets.AsSpan(0, n + 1).ToArray(),
            _bases.AsSpan(0, (int)_baseCount).ToArray(),
            _qualOffsets.AsSpan(0, n + 1).ToArray(),
            _quals.AsSpan(0, (int)_qualCount).ToArray());
    }

    private int NameId(ReadOnlySpan<byte> readName)
    {
        string name = Encoding.Latin1.GetString(readName);
        if (!_names.TryGetValue(name, out int id))
        {
            id = _names.Count;
            _names.Add(name, id);
        }

        return id;
    }

    private void GrowReads()
    {
        int size = checked(_refIds.Length * 2);
        Array.Resize(ref _refIds, size);
        Array.Resize(ref _starts, size);
        Array.Resize(ref _ends, size);
        Array.Resize(ref _flags, size);
        Array.Resize(ref _mapqs, size);
        Array.Resize(ref _mateRefIds, size);
        Array.Resize(ref _mateStarts, size);
        Array.Resize(ref _tlens, size);
        Array.Resize(ref _seqLens, size);
        Array.Resize(ref _nh, size);
        Array.Resize(ref _xs, size);
        Array.Resize(ref _nameIds, size);
        Array.Resize(ref _cigarOffsets, size + 1);
        Array.Resize(ref _seqOffsets, size + 1);
        Array.Resize(ref _qualOffsets, size + 1);
    }

    private static void EnsureCapacity<T>(ref T[] array, long needed)
    {
        if (needed <= array.Length)
        {
            return;
        }

        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException($"a read batch cannot hold more than {Array.MaxLength} elements in one array; split the input into smaller batches");
        }

        long size = Math.Max(needed, Math.Min((long)array.Length * 2, Array.MaxLength));
        Array.Resize(ref array, (int)size);
    }
}
