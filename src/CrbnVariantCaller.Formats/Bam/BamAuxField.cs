using System.Buffers.Binary;
using System.Text;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// One auxiliary field of a BAM record, viewed over the record's bytes (valid until the record is refilled).
/// Types: <c>A c C s S i I f Z H B</c>, plus htslib's non-standard <c>d</c> (double).
/// </summary>
public readonly ref struct BamAuxField
{
    internal BamAuxField(ReadOnlySpan<byte> tag, byte type, ReadOnlySpan<byte> value, byte arraySubtype, int arrayLength, int fieldLength)
    {
        Tag = tag;
        Type = type;
        Value = value;
        ArraySubtype = arraySubtype;
        ArrayLength = arrayLength;
        FieldLength = fieldLength;
    }

    /// <summary>The two tag characters, e.g. <c>NM</c>.</summary>
    public ReadOnlySpan<byte> Tag { get; }

    /// <summary>The stored type character (<c>A c C s S i I f d Z H B</c>).</summary>
    public byte Type { get; }

    /// <summary>
    /// The value bytes: the little-endian scalar; the text without its NUL for <c>Z</c>/<c>H</c>; the element bytes for <c>B</c>.
    /// </summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>For <c>B</c> arrays, the element type (<c>c C s S i I f</c>); otherwise 0.</summary>
    public byte ArraySubtype { get; }

    /// <summary>For <c>B</c> arrays, the number of elements; otherwise 0.</summary>
    public int ArrayLength { get; }

    /// <summary>Bytes the whole field occupies in the record, tag and type included.</summary>
    public int FieldLength { get; }

    /// <summary>The tag as a string.</summary>
    public string TagString => Encoding.ASCII.GetString(Tag);

    /// <summary>True for the integer types <c>c C s S i I</c>.</summary>
    public bool IsInteger => Type is (byte)'c' or (byte)'C' or (byte)'s' or (byte)'S' or (byte)'i' or (byte)'I';

    /// <summary>The value of an integer field (<c>c C s S i I</c>).</summary>
    public long GetInteger() => ReadInteger(Type, Value);

    /// <summary>The value of an <c>f</c> field.</summary>
    public float GetSingle() => Type == (byte)'f'
        ? BinaryPrimitives.ReadSingleLittleEndian(Value)
        : throw new InvalidOperationException($"aux field {TagString} has type {(char)Type}, not f");

    /// <summary>The value of a <c>d</c> field (htslib extension).</summary>
    public double GetDouble() => Type == (byte)'d'
        ? BinaryPrimitives.ReadDoubleLittleEndian(Value)
        : throw new InvalidOperationException($"aux field {TagString} has type {(char)Type}, not d");

    /// <summary>The value of an <c>A</c> field.</summary>
    public char GetChar() => Type == (byte)'A'
        ? (char)Value[0]
        : throw new InvalidOperationException($"aux field {TagString} has type {(char)Type}, not A");

    /// <summary>The text of a <c>Z</c> or <c>H</c> field.</summary>
    public string GetString() => Type is (byte)'Z' or (byte)'H'
        ? Encoding.ASCII.GetString(Value)
        : throw new InvalidOperationException($"aux field {TagString} has type {(char)Type}, not Z or H");

    /// <summary>Element <paramref name="index"/> of an integer <c>B</c> array.</summary>
    public long GetArrayInteger(int index)
    {
        int size = BamAuxEnumerator.ElementSize(ArraySubtype);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ArrayLength, nameof(index));
        return ReadInteger(ArraySubtype, Value.Slice(index * size, size));
    }

    /// <summary>Element <paramref name="index"/> of a <c>B,f</c> array.</summary>
    public float GetArraySingle(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ArrayLength, nameof(index));
        return ArraySubtype == (byte)'f'
            ? BinaryPrimitives.ReadSingleLittleEndian(Value.Slice(index * 4, 4))
            : throw new InvalidOperationException($"aux array {TagString} has element type {(char)ArraySubtype}, not f");
    }

    internal static long ReadInteger(byte type, ReadOnlySpan<byte> v) => type switch
    {
        (byte)'c' => (sbyte)v[0],
        (byte)'C' => v[0],
        (byte)'s' => BinaryPrimitives.ReadInt16LittleEndian(v),
        (byte)'S' => BinaryPrimitives.ReadUInt16LittleEndian(v),
        (byte)'i' => BinaryPrimitives.ReadInt32LittleEndian(v),
        (byte)'I' => BinaryPrimitives.ReadUInt32LittleEndian(v),
        _ => throw new InvalidOperationException($"aux type {(char)type} is not an integer type"),
    };
}
