using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// Formats BAM records as SAM text lines byte-identical to <c>samtools view</c> (htslib 1.16 <c>sam_format1</c>):
/// <c>*</c> for missing fields, <c>=</c> for RNEXT on the same reference, integer aux types printed as <c>i</c>,
/// <c>f</c> as C <c>%g</c>, <c>B,f</c> elements as htslib <c>kputd</c>, and a <c>CG</c> tag restored into the CIGAR.
/// One instance owns a reusable line buffer: not thread-safe.
/// </summary>
public sealed class SamTextFormatter
{
    private readonly SamHeader _header;
    private byte[] _line = new byte[4096];

    /// <summary>Creates a formatter that resolves reference ids against <paramref name="header"/>.</summary>
    public SamTextFormatter(SamHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _header = header;
    }

    /// <summary>Formats one record as a SAM line, terminated by <c>\n</c>. The span is valid until the next call.</summary>
    /// <exception cref="BamFormatException">A reference id is outside the header, or an aux field is malformed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> FormatLine(BamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureCapacity(UpperBound(record));
        Span<byte> o = _line;
        int p = 0;

        ReadOnlySpan<byte> name = record.ReadName;
        name.CopyTo(o);
        p += name.Length;
        o[p++] = (byte)'\t';

        p += Int(o[p..], (ushort)record.Flags);
        o[p++] = (byte)'\t';

        int tid = record.ReferenceId;
        p += RefName(o[p..], tid, record);
        o[p++] = (byte)'\t';

        p += Long(o[p..], record.PositionZeroBased + 1L);
        o[p++] = (byte)'\t';

        p += Int(o[p..], record.MappingQuality);
        o[p++] = (byte)'\t';

        ReadOnlySpan<uint> cigar = record.CigarWords;
        if (cigar.IsEmpty)
        {
            o[p++] = (byte)'*';
        }
        else
        {
            ReadOnlySpan<byte> opChars = Cigar.OpChars;
            foreach (uint w in cigar)
            {
                p += Long(o[p..], w >> 4);
                o[p++] = opChars[(int)(w & 0xF)];
            }
        }

        o[p++] = (byte)'\t';

        int mtid = record.MateReferenceId;
        if (mtid < 0)
        {
            o[p++] = (byte)'*';
        }
        else if (mtid == tid)
        {
            o[p++] = (byte)'=';
        }
        else
        {
            p += RefName(o[p..], mtid, record);
        }

        o[p++] = (byte)'\t';
        p += Long(o[p..], record.MatePositionZeroBased + 1L);
        o[p++] = (byte)'\t';
        p += Int(o[p..], record.TemplateLength);
        o[p++] = (byte)'\t';

        int lSeq = record.SequenceLength;
        if (lSeq == 0)
        {
            o[p++] = (byte)'*';
            o[p++] = (byte)'\t';
            o[p++] = (byte)'*';
        }
        else
        {
            SequenceCodec.Decode(record.PackedSequence, lSeq, o.Slice(p, lSeq));
            p += lSeq;
            o[p++] = (byte)'\t';
            ReadOnlySpan<byte> qual = record.Qualities;
            if (qual[0] == 0xFF)
            {
                o[p++] = (byte)'*';
            }
            else
            {
                AddPhredOffset(qual, o.Slice(p, lSeq));
                p += lSeq;
            }
        }

        foreach (BamAuxField f in record.EnumerateAux())
        {
            o[p++] = (byte)'\t';
            p += Aux(o[p..], f, record);
        }

        o[p++] = (byte)'\n';
        return o[..p];
    }

    /// <summary>Formats one record as a SAM line without the trailing newline (allocates; for tests and tools).</summary>
    public string FormatLineString(BamRecord record)
    {
        ReadOnlySpan<byte> line = FormatLine(record);
        return Encoding.UTF8.GetString(line[..^1]);
    }

    private int RefName(Span<byte> o, int id, BamRecord record)
    {
        if (id < 0)
        {
            o[0] = (byte)'*';
            return 1;
        }

        if (id >= _header.References.Count)
        {
            throw new BamFormatException(
                record.SourcePath,
                $"record '{record.GetReadName()}' refers to reference id {id}, but the header declares only {_header.References.Count} references");
        }

        ReadOnlySpan<byte> n = _header.GetNameBytes(id);
        n.CopyTo(o);
        return n.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Aux(Span<byte> o, BamAuxField f, BamRecord record)
    {
        int p = 0;
        o[p++] = f.Tag[0];
        o[p++] = f.Tag[1];
        o[p++] = (byte)':';
        switch (f.Type)
        {
            case (byte)'c':
            case (byte)'C':
            case (byte)'s':
            case (byte)'S':
            case (byte)'i':
            case (byte)'I':
                o[p++] = (byte)'i';
                o[p++] = (byte)':';
                p += Long(o[p..], f.GetInteger());
                break;
            case (byte)'A':
                o[p++] = (byte)'A';
                o[p++] = (byte)':';
                o[p++] = f.Value[0];
                break;
            case (byte)'f':
                o[p++] = (byte)'f';
                o[p++] = (byte)':';
                p += HtslibFloatFormat.FormatG(BinaryPrimitives.ReadSingleLittleEndian(f.Value), o[p..]);
                break;
            case (byte)'d':
                o[p++] = (byte)'d';
                o[p++] = (byte)':';
                p += HtslibFloatFormat.FormatG(BinaryPrimitives.ReadDoubleLittleEndian(f.Value), o[p..]);
                break;
            case (byte)'Z':
            case (byte)'H':
                o[p++] = f.Type;
                o[p++] = (byte)':';
                f.Value.CopyTo(o[p..]);
                p += f.Value.Length;
                break;
            case (byte)'B':
                o[p++] = (byte)'B';
                o[p++] = (byte)':';
                o[p++] = f.ArraySubtype;
                p += AuxArray(o[p..], f, record);
                break;
            default:
                throw new BamFormatException(record.SourcePath, $"record '{record.GetReadName()}': aux field {f.TagString} has unknown type '{(char)f.Type}'");
        }

        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AuxArray(Span<byte> o, BamAuxField f, BamRecord record)
    {
        int p = 0;
        ReadOnlySpan<byte> v = f.Value;
        int n = f.ArrayLength;
        switch (f.ArraySubtype)
        {
            case (byte)'c':
                for (int i = 0; i < n; i++)
                {
                    o[p++] = (byte)',';
                    p += Int(o[p..], (sbyte)v[i]);
                }

                break;
            case (byte)'C':
                for (int i = 0; i < n; i++)
                {
                    o[p++] = (byte)',';
                    p += Int(o[p..], v[i]);
                }

                break;
            case (byte)'s':
                for (int i = 0; i < n; i++)
                {
                    o[p++] = (byte)',';
                    p += Int(o[p..], BinaryPrimitives.ReadInt16LittleEndian(v[(2 * i)..]));
                }

                break;
            case (byte)'S':
                for (int i = 0; i < n; i++)
                {
                    o[p++] = (byte)',';
                    p += Int(o[p..], BinaryPrimitives.ReadUInt16LittleEndian(v[(2 * i)..]));
                }

                break;
            case (byte)'i':
                for (int i = 0; i < n; i++)
                {
                    o[p++] = (byte)',';
                    p += Int(o[p..], BinaryPrimitives.ReadInt32LittleEndian(v[(4 * i)..]));
                }

                break;
            case (byte)'I':
                for (int i = 0; i < n; i++)
                {
                    o[p++] = (byte)',';
                    p += Long(o[p..], BinaryPrimitives.ReadUInt32LittleEndian(v[(4 * i)..]));
                }

                break;
            case (byte)'f':
                for (int i = 0; i < n; i++)
                {
                    o[p++] = (byte)',';
                    p += HtslibFloatFormat.FormatKputd(BinaryPrimitives.ReadSingleLittleEndian(v[(4 * i)..]), o[p..]);
                }

                break;
            default:
                if (n > 0)
                {
                    throw new BamFormatException(
                        record.SourcePath,
                        $"record '{record.GetReadName()}': aux array {f.TagString} has element type '{(char)f.ArraySubtype}', which SAM cannot print");
                }

                break;
        }

        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddPhredOffset(ReadOnlySpan<byte> qual, Span<byte> destination)
    {
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var offset = new System.Numerics.Vector<byte>(33);
            int width = System.Numerics.Vector<byte>.Count;
            for (; i + width <= qual.Length; i += width)
            {
                (new System.Numerics.Vector<byte>(qual[i..]) + offset).CopyTo(destination[i..]);
            }
        }

        for (; i < qual.Length; i++)
        {
            destination[i] = (byte)(qual[i] + 33);
        }
    }

    private static int Int(Span<byte> o, int value)
    {
        value.TryFormat(o, out int w, default, CultureInfo.InvariantCulture);
        return w;
    }

    private static int Long(Span<byte> o, long value)
    {
        value.TryFormat(o, out int w, default, CultureInfo.InvariantCulture);
        return w;
    }

    // Generous bound: every aux byte can expand to at most ~14 characters (a B,f element of 4 bytes prints ≤ 14).
    private static int UpperBound(BamRecord record) =>
        256 + (2 * 256) + record.ReadName.Length + (record.CigarCount * 11) + (2 * record.SequenceLength) + (16 * record.AuxData.Length);

    private void EnsureCapacity(int size)
    {
        if (_line.Length < size)
        {
            _line = new byte[Math.Max(size, _line.Length * 2)];
        }
    }
}
