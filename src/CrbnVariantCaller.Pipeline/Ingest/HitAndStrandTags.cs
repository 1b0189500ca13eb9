using System.Buffers.Binary;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Formats.Bam;

namespace CrbnVariantCaller.Pipeline.Ingest;

/// <summary>
/// Reads the two aux tags the RNA kernels need, NH (number of hits) and XS:A (splice strand), in one pass over the
/// record's aux bytes, stopping as soon as both are found. Gives exactly what two <see cref="BamRecord.TryGetAux"/>
/// look-ups give (first occurrence wins; NH must be an integer type; XS counts only as type A with + or −), and defers
/// to them whenever the bytes are not plainly well formed, so malformed records fail with the same error as before.
/// </summary>
internal static class HitAndStrandTags
{
    /// <summary>NH (0 when absent) and XS:A (<see cref="Strand.Unknown"/> when absent or not +/−) of <paramref name="record"/>.</summary>
    public static (int NumberOfHits, Strand SpliceStrand) Read(BamRecord record)
    {
        if (TryScan(record.AuxData, out int nh, out Strand xs))
        {
            return (nh, xs);
        }

        return ReadThroughEnumerator(record);
    }

    /// <summary>The reference behaviour: two enumerator look-ups (validating, and throwing on malformed aux data).</summary>
    internal static (int NumberOfHits, Strand SpliceStrand) ReadThroughEnumerator(BamRecord record)
    {
        int nh = record.TryGetAux("NH"u8, out BamAuxField nhField) ? (int)nhField.GetInteger() : 0;
        Strand xs = record.TryGetAux("XS"u8, out BamAuxField xsField) && xsField.Type == (byte)'A'
            ? xsField.GetChar() switch { '+' => Strand.Plus, '-' => Strand.Minus, _ => Strand.Unknown }
            : Strand.Unknown;
        return (nh, xs);
    }

    // False when the bytes up to the point where both tags are known are not well formed, or NH is not an integer:
    // the caller then takes the enumerator path, which reports the problem exactly as before.
    private static bool TryScan(ReadOnlySpan<byte> aux, out int nh, out Strand xs)
    {
        nh = 0;
        xs = Strand.Unknown;
        bool haveNh = false, haveXs = false;
        int p = 0;
        while (p < aux.Length && !(haveNh && haveXs))
        {
            if (aux.Length - p < 3)
            {
                return false;
            }

            byte t0 = aux[p], t1 = aux[p + 1], type = aux[p + 2];
            int value = p + 3;
            int size = FixedSize(type);
            int end;
            if (size > 0)
            {
                end = value + size;
            }
            else if (type is (byte)'Z' or (byte)'H')
            {
                int nul = aux[value..].IndexOf((byte)0);
                if (nul < 0)
                {
                    return false;
                }

                end = value + nul + 1;
            }
            else if (type == (byte)'B')
            {
                if (aux.Length - value < 5)
                {
                    return false;
                }

                byte subtype = aux[value];
                int elementSize = subtype is (byte)'d' ? 0 : FixedSize(subtype);
                uint n = BinaryPrimitives.ReadUInt32LittleEndian(aux.Slice(value + 1, 4));
                if (elementSize == 0 || (ulong)n * (ulong)elementSize > (ulong)(aux.Length - value - 5))
                {
                    return false;
                }

                end = value + 5 + (int)(n * (uint)elementSize);
            }
            else
            {
                return false;
            }

            if (end > aux.Length)
            {
                return false;
            }

            if (t0 == (byte)'N' && t1 == (byte)'H' && !haveNh)
            {
                ReadOnlySpan<byte> v = aux[value..end];
                switch (type)
                {
                    case (byte)'c': nh = (sbyte)v[0]; break;
                    case (byte)'C': nh = v[0]; break;
                    case (byte)'s': nh = BinaryPrimitives.ReadInt16LittleEndian(v); break;
                    case (byte)'S': nh = BinaryPrimitives.ReadUInt16LittleEndian(v); break;
                    case (byte)'i': nh = BinaryPrimitives.ReadInt32LittleEndian(v); break;
                    case (byte)'I': nh = (int)BinaryPrimitives.ReadUInt32LittleEndian(v); break;
                    default: return false;
                }

                haveNh = true;
            }
            else if (t0 == (byte)'X' && t1 == (byte)'S' && !haveXs)
            {
                xs = type == (byte)'A'
                    ? aux[value] switch { (byte)'+' => Strand.Plus, (byte)'-' => Strand.Minus, _ => Strand.Unknown }
                    : Strand.Unknown;
                haveXs = true;
            }

            p = end;
        }

        return true;
    }

    private static int FixedSize(byte type) => type switch
    {
        (byte)'A' or (byte)'c' or (byte)'C' => 1,
        (byte)'s' or (byte)'S' => 2,
        (byte)'i' or (byte)'I' or (byte)'f' => 4,
        (byte)'d' => 8,
        _ => 0,
    };
}
