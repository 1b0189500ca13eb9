using CrbnVariantCaller.Core.Alignment;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using CrbnVariantCaller.Core.Coordinates;
using L = CrbnVariantCaller.Formats.Bam.BamRecordLayout;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// One BAM alignment record. It keeps the raw record bytes (everything after <c>block_size</c>) in a buffer that a
/// reader refills, and decodes a field only when asked. Spans returned by its members stay valid until the next refill.
/// </summary>
/// <remarks>
/// A record whose CIGAR is the placeholder <c>kSmN</c> and whose real CIGAR is stored in the <c>CG:B,I</c> tag
/// (more than 65,535 operations, SAM specification §4.2.2) exposes the real CIGAR through <see cref="CigarWords"/>
/// and hides the <c>CG</c> tag from <see cref="AuxData"/> enumeration through <see cref="EnumerateAux"/>, as htslib does.
/// </remarks>
public sealed class BamRecord
{
    private const int InitialCapacity = 512;

    private byte[] _data = new byte[InitialCapacity];
    private int _length;

    // Lazily resolved CIGAR (either the CIGAR field or the CG tag payload) and the CG tag's place in the record.
    private bool _cigarResolved;
    private int _cigarOffset;
    private int _cigarCount;
    private int _cgTagStart = -1;
    private long _referenceEnd = long.MinValue;

    /// <summary>The file the record came from, used in error messages.</summary>
    public string SourcePath { get; private set; } = string.Empty;

    /// <summary>The raw record bytes as stored in BAM, without the leading <c>block_size</c>.</summary>
    public ReadOnlySpan<byte> RawData => _data.AsSpan(0, _length);

    /// <summary>Reference sequence index into <see cref="SamHeader.References"/>; −1 when unplaced.</summary>
    public int ReferenceId => ReadInt32(L.RefId);

    /// <summary>0-based leftmost position as stored in BAM; −1 when unplaced.</summary>
    public int PositionZeroBased => ReadInt32(L.Pos);

    /// <summary>1-based leftmost position (SAM POS); null when unplaced.</summary>
    public Position? Position => PositionZeroBased >= 0 ? Core.Coordinates.Position.FromZeroBased(PositionZeroBased) : null;

    /// <summary>Mapping quality; 255 means unavailable.</summary>
    public byte MappingQuality => _data[L.Mapq];

    /// <summary>The BAI bin stored in the record.</summary>
    public ushort Bin => BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(L.Bin));

    /// <summary>The FLAG field.</summary>
    public SamFlags Flags => (SamFlags)BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(L.Flag));

    /// <summary>Length of the stored read sequence (0 when SEQ is <c>*</c>).</summary>
    public int SequenceLength => ReadInt32(L.LSeq);

    /// <summary>Reference index of the next segment (mate); −1 when unset.</summary>
    public int MateReferenceId => ReadInt32(L.NextRefId);

    /// <summary>0-based position of the next segment (mate); −1 when unset.</summary>
    public int MatePositionZeroBased => ReadInt32(L.NextPos);

    /// <summary>1-based position of the next segment (SAM PNEXT); null when unset.</summary>
    public Position? MatePosition => MatePositionZeroBased >= 0 ? Core.Coordinates.Position.FromZeroBased(MatePositionZeroBased) : null;

    /// <summary>Observed template length (SAM TLEN).</summary>
    public int TemplateLength => ReadInt32(L.Tlen);

    /// <summary>The read name without its terminating NUL, as ASCII bytes.</summary>
    public ReadOnlySpan<byte> ReadName => _data.AsSpan(L.ReadName, Math.Max(0, ReadNameFieldLength - 1));

    /// <summary>The read name as a string (allocates; prefer <see cref="ReadName"/> on hot paths).</summary>
    public string GetReadName() => Encoding.ASCII.GetString(ReadName);

    /// <summary>Number of CIGAR operations in the effective CIGAR (after restoring a <c>CG</c> tag).</summary>
    public int CigarCount
    {
        get
        {
            ResolveCigar();
            return _cigarCount;
        }
    }

    /// <summary>
    /// The effective CIGAR as packed words (<c>length &lt;&lt; 4 | op</c>), restored from the <c>CG</c> tag when the stored
    /// CIGAR is the long-CIGAR placeholder. Decode with <see cref="Cigar"/>.
    /// </summary>
    public ReadOnlySpan<uint> CigarWords
    {
        get
        {
            ResolveCigar();
            return MemoryMarshal.Cast<byte, uint>(_data.AsSpan(_cigarOffset, _cigarCount * 4));
        }
    }

    /// <summary>True when the effective CIGAR came from the <c>CG</c> tag.</summary>
    public bool CigarFromCgTag
    {
        get
        {
            ResolveCigar();
            return _cgTagStart >= 0;
        }
    }

    /// <summary>The packed 4-bit sequence (two bases per byte, high nibble first; codes index <c>=ACMGRSVTWYHKDBN</c>).</summary>
    public ReadOnlySpan<byte> PackedSequence => _data.AsSpan(SequenceOffset, (SequenceLength + 1) >> 1);

    /// <summary>Base qualities (Phred, no +33 offset); the first byte is 0xFF when qualities are missing.</summary>
    public ReadOnlySpan<byte> Qualities => _data.AsSpan(QualityOffset, SequenceLength);

    /// <summary>True when the record stores base qualities (SAM QUAL is not <c>*</c>).</summary>
    public bool HasQualities => SequenceLength > 0 && _data[QualityOffset] != 0xFF;

    /// <summary>The raw auxiliary data (all tags, including a <c>CG</c> tag that holds the real CIGAR).</summary>
    public ReadOnlySpan<byte> AuxData => _data.AsSpan(AuxOffset, _length - AuxOffset);

    /// <summary>The 4-bit code of base <paramref name="index"/> (index into <c>=ACMGRSVTWYHKDBN</c>).</summary>
    public int GetBaseCode(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SequenceLength);
        byte b = _data[SequenceOffset + (index >> 1)];
        return (index & 1) == 0 ? b >> 4 : b & 0xF;
    }

    /// <summary>The ASCII base at <paramref name="index"/> (<c>=ACMGRSVTWYHKDBN</c>).</summary>
    public char GetBase(int index) => (char)SequenceCodec.Alphabet[GetBaseCode(index)];

    /// <summary>The read sequence as a string (allocates); <c>*</c> is not returned, an empty SEQ gives "".</summary>
    public string GetSequence()
    {
        int n = SequenceLength;
        return string.Create(n, this, static (span, rec) =>
        {
            ReadOnlySpan<byte> packed = rec.PackedSequence;
            for (int i = 0; i < span.Length; i++)
            {
                byte b = packed[i >> 1];
                span[i] = (char)SequenceCodec.Alphabet[(i & 1) == 0 ? b >> 4 : b & 0xF];
            }
        });
    }

    /// <summary>
    /// Number of reference bases covered: the sum of M/D/N/=/X lengths of the effective CIGAR; 0 for an unmapped read.
    /// </summary>
    public long ReferenceLength => (Flags & SamFlags.Unmapped) != 0 ? 0 : Cigar.ReferenceLength(CigarWords);

    /// <summary>
    /// 0-based exclusive end on the reference as htslib's <c>bam_endpos</c> computes it: POS plus the reference length,
    /// where an unmapped read or one with no reference-consuming operation counts as length 1.
    /// This is the span samtools uses to decide whether a read overlaps a region.
    /// </summary>
    public long ReferenceEndZeroBasedExclusive
    {
        get
        {
            if (_referenceEnd == long.MinValue)
            {
                long rlen = ReferenceLength;
                _referenceEnd = PositionZeroBased + (rlen == 0 ? 1 : rlen);
            }

            return _referenceEnd;
        }
    }

    /// <summary>Enumerates the aux fields in stored order, skipping a <c>CG</c> tag that was moved into the CIGAR.</summary>
    public BamAuxEnumerator EnumerateAux()
    {
        ResolveCigar();
        return new BamAuxEnumerator(_data.AsSpan(AuxOffset, _length - AuxOffset), AuxOffset, _cgTagStart, SourcePath);
    }

    /// <summary>Finds the first aux field with the two-character <paramref name="tag"/> (a restored <c>CG</c> is not found).</summary>
    public bool TryGetAux(ReadOnlySpan<byte> tag, out BamAuxField field)
    {
        if (tag.Length != 2)
        {
            throw new ArgumentException("An aux tag has exactly two characters.", nameof(tag));
        }

        foreach (BamAuxField f in EnumerateAux())
        {
            if (f.Tag.SequenceEqual(tag))
            {
                field = f;
                return true;
            }
        }

        field = default;
        return false;
    }

    /// <summary>Copies this record's bytes into <paramref name="destination"/>, which then decodes independently.</summary>
    public void CopyTo(BamRecord destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        RawData.CopyTo(destination.PrepareBuffer(_length, SourcePath));
        destination.Validate();
    }

    /// <summary>Refills this record from raw bytes (everything after <c>block_size</c>), validating the lengths.</summary>
    /// <exception cref="BamFormatException">The field lengths do not fit the record.</exception>
    public void Load(ReadOnlySpan<byte> raw, string sourcePath)
    {
        raw.CopyTo(PrepareBuffer(raw.Length, sourcePath));
        Validate();
    }

    /// <summary>Makes room for <paramref name="length"/> raw bytes, resets the lazily decoded state, returns the buffer.</summary>
    internal Span<byte> PrepareBuffer(int length, string sourcePath)
    {
        if (_data.Length < length)
        {
            _data = new byte[Math.Max(length, _data.Length * 2)];
        }

        _length = length;
        SourcePath = sourcePath;
        _cigarResolved = false;
        _cgTagStart = -1;
        _referenceEnd = long.MinValue;
        return _data.AsSpan(0, length);
    }

    /// <summary>Extends the buffer being filled to <paramref name="length"/> bytes, keeping those already in it.</summary>
    internal Span<byte> GrowBuffer(int length)
    {
        if (_data.Length < length)
        {
            Array.Resize(ref _data, Math.Max(length, (int)Math.Min(int.MaxValue, 2L * _data.Length)));
        }

        _length = length;
        return _data.AsSpan(0, length);
    }

    /// <summary>Checks that the variable-length fields fit inside the record (htslib <c>bam_read1</c> rules).</summary>
    internal void Validate()
    {
        if (_length < L.ReadName)
        {
            throw new BamFormatException(SourcePath, $"alignment record of {_length} bytes is shorter than the 32-byte fixed part");
        }

        int lSeq = SequenceLength;
        if (lSeq < 0)
        {
            throw new BamFormatException(SourcePath, $"alignment record has negative sequence length {lSeq}");
        }

        if (ReadNameFieldLength < 1)
        {
            throw new BamFormatException(SourcePath, "alignment record has an empty read-name field (l_read_name = 0)");
        }

        long needed = (long)L.ReadName + ReadNameFieldLength + (4L * StoredCigarCount) + ((lSeq + 1L) >> 1) + lSeq;
        if (needed > _length)
        {
            throw new BamFormatException(
                SourcePath,
                $"alignment record '{GetReadNameLenient()}' declares {needed} bytes of name, CIGAR, SEQ and QUAL but is only {_length} bytes long");
        }
    }

    private string GetReadNameLenient() =>
        Encoding.ASCII.GetString(_data, L.ReadName, Math.Clamp(ReadNameFieldLength - 1, 0, Math.Max(0, _length - L.ReadName)));

    private int ReadNameFieldLength => _data[L.LReadName];

    private int StoredCigarCount => BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(L.NCigarOp));

    private int StoredCigarOffset => L.ReadName + ReadNameFieldLength;

    private int SequenceOffset => StoredCigarOffset + (StoredCigarCount * 4);

    private int QualityOffset => SequenceOffset + ((SequenceLength + 1) >> 1);

    private int AuxOffset => QualityOffset + SequenceLength;

    private int ReadInt32(int offset) => BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(offset));

    // htslib bam_tag2cigar: the stored CIGAR starts with a soft clip as long as the read and a CG:B,I (or B,i) tag holds
    // at least as many operations as the placeholder; then the tag's array is the real CIGAR and the tag is hidden.
    private void ResolveCigar()
    {
        if (_cigarResolved)
        {
            return;
        }

        _cigarOffset = StoredCigarOffset;
        _cigarCount = StoredCigarCount;
        _cgTagStart = -1;
        _cigarResolved = true;
        if (_cigarCount == 0 || ReferenceId < 0 || PositionZeroBased < 0)
        {
            return;
        }

        uint first = BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(_cigarOffset));
        if (Cigar.Op(first) != CigarOp.SoftClip || Cigar.Length(first) != SequenceLength)
        {
            return;
        }

        var aux = new BamAuxEnumerator(_data.AsSpan(AuxOffset, _length - AuxOffset), AuxOffset, -1, SourcePath);
        while (aux.MoveNext())
        {
            BamAuxField f = aux.Current;
            if (f.Tag[0] != (byte)'C' || f.Tag[1] != (byte)'G')
            {
                continue;
            }

            if (f.Type != (byte)'B' || (f.ArraySubtype != (byte)'I' && f.ArraySubtype != (byte)'i'))
            {
                return;
            }

            uint n = (uint)f.ArrayLength;
            if (n < (uint)_cigarCount || n >= 1U << 29)
            {
                return;
            }

            _cigarOffset = aux.CurrentValueOffset;
            _cigarCount = (int)n;
            _cgTagStart = aux.CurrentFieldOffset;
            return;
        }
    }
}
