using System.Runtime.CompilerServices;
using System.Buffers.Binary;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>Walks the auxiliary fields of a BAM record in stored order. Use with <c>foreach</c>.</summary>
public ref struct BamAuxEnumerator
{
    private readonly ReadOnlySpan<byte> _aux;
    private readonly int _baseOffset;
    private readonly int _skipFieldOffset;
    private readonly string _sourcePath;
    private int _next;
    private BamAuxField _current;

    internal BamAuxEnumerator(ReadOnlySpan<byte> aux, int baseOffset, int skipFieldOffset, string sourcePath)
    {
        _aux = aux;
        _baseOffset = baseOffset;
        _skipFieldOffset = skipFieldOffset;
        _sourcePath = sourcePath;
        _next = 0;
        _current = default;
        CurrentFieldOffset = -1;
        CurrentValueOffset = -1;
    }

    /// <summary>The current field.</summary>
    public readonly BamAuxField Current => _current;

    /// <summary>Offset of the current field's tag within the record.</summary>
    internal int CurrentFieldOffset { get; private set; }

    /// <summary>Offset of the current field's value (array elements for <c>B</c>) within the record.</summary>
    internal int CurrentValueOffset { get; private set; }

    /// <summary>Returns this enumerator (enables <c>foreach</c>).</summary>
    public readonly BamAuxEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next field.</summary>
    /// <exception cref="BamFormatException">A field is cut short or has an unknown type.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        while (true)
        {
            int start = _next;
            if (start >= _aux.Length)
            {
                return false;
            }

            if (_aux.Length - start < 3)
            {
                throw Malformed(start, "is cut short before its type");
            }

            byte type = _aux[start + 2];
            int valueStart = start + 3;
            int valueLength;
            int end;
            byte subtype = 0;
            int count = 0;
            switch (type)
            {
                case (byte)'A':
                case (byte)'c':
                case (byte)'C':
                case (byte)'s':
                case (byte)'S':
                case (byte)'i':
                case (byte)'I':
                case (byte)'f':
                case (byte)'d':
                    valueLength = ElementSize(type);
                    end = valueStart + valueLength;
                    if (end > _aux.Length)
                    {
                        throw Malformed(start, $"of type {(char)type} is cut short");
                    }

                    break;
                case (byte)'Z':
                case (byte)'H':
                    int nul = _aux[valueStart..].IndexOf((byte)0);
                    if (nul < 0)
                    {
                        throw Malformed(start, $"of type {(char)type} has no terminating NUL");
                    }

                    valueLength = nul;
                    end = valueStart + nul + 1;
                    break;
                case (byte)'B':
                    if (_aux.Length - valueStart < 5)
                    {
                        throw Malformed(start, "of type B is cut short before its element count");
                    }

                    subtype = _aux[valueStart];
                    int size = ElementSize(subtype);
                    if (size == 0 || subtype is (byte)'d' or (byte)'Z' or (byte)'H')
                    {
                        throw Malformed(start, $"of type B has unknown element type '{(char)subtype}'");
                    }

                    uint n = BinaryPrimitives.ReadUInt32LittleEndian(_aux.Slice(valueStart + 1, 4));
                    valueStart += 5;
                    if ((ulong)n * (ulong)size > (ulong)(_aux.Length - valueStart))
                    {
                        throw Malformed(start, $"of type B declares {n} elements but the record ends first");
                    }

                    count = (int)n;
                    valueLength = count * size;
                    end = valueStart + valueLength;
                    break;
                default:
                    throw Malformed(start, $"has unknown type '{(char)type}'");
            }

            _next = end;
            if (_baseOffset + start == _skipFieldOffset)
            {
                continue;
            }

            CurrentFieldOffset = _baseOffset + start;
            CurrentValueOffset = _baseOffset + valueStart;
            _current = new BamAuxField(_aux.Slice(start, 2), type, _aux.Slice(valueStart, valueLength), subtype, count, end - start);
            return true;
        }
    }

    /// <summary>Size in bytes of one value of a scalar or array element type; 0 when not a fixed-size type.</summary>
    internal static int ElementSize(byte type) => type switch
    {
        (byte)'A' or (byte)'c' or (byte)'C' => 1,
        (byte)'s' or (byte)'S' => 2,
        (byte)'i' or (byte)'I' or (byte)'f' => 4,
        (byte)'d' => 8,
        _ => 0,
    };

    private readonly BamFormatException Malformed(int start, string problem)
    {
        string tag = _aux.Length - start >= 2
            ? $"'{(char)_aux[start]}{(char)_aux[start + 1]}'"
            : "(truncated tag)";
        return new BamFormatException(_sourcePath, $"aux field {tag} at byte {_baseOffset + start} of a record {problem}");
    }
}
