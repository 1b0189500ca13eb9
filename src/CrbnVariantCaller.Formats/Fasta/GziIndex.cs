using System.Buffers.Binary;
using CrbnVariantCaller.Formats.Bgzf;

namespace CrbnVariantCaller.Formats.Fasta;

/// <summary>
/// A bgzip block index (<c>.gzi</c>, written by <c>bgzip -i</c> or <c>samtools faidx</c>): for each BGZF block after the
/// first, its compressed offset and the uncompressed offset of its first byte. Turns an uncompressed offset into a
/// <see cref="VirtualOffset"/>.
/// </summary>
/// <remarks>Layout: a little-endian uint64 count, then count pairs of uint64 (compressed, uncompressed).</remarks>
public sealed class GziIndex
{
    private readonly long[] _compressed;
    private readonly long[] _uncompressed;

    private GziIndex(long[] compressed, long[] uncompressed)
    {
        _compressed = compressed;
        _uncompressed = uncompressed;
    }

    /// <summary>Number of blocks known, the implicit first block included.</summary>
    public int BlockCount => _compressed.Length;

    /// <summary>Reads a <c>.gzi</c> file.</summary>
    /// <exception cref="FastaIndexFormatException">The file is truncated or its offsets are not increasing.</exception>
    public static GziIndex Read(string gziPath)
    {
        byte[] bytes = File.ReadAllBytes(gziPath);
        return Parse(bytes, gziPath);
    }

    /// <summary>Parses <c>.gzi</c> bytes.</summary>
    /// <exception cref="FastaIndexFormatException">The data is truncated or its offsets are not increasing.</exception>
    public static GziIndex Parse(ReadOnlySpan<byte> bytes, string gziPath)
    {
        if (bytes.Length < 8)
        {
            throw new FastaIndexFormatException(gziPath, "the .gzi index is shorter than its 8-byte entry count");
        }

        ulong count = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (count > (ulong)((bytes.Length - 8) / 16) || (ulong)bytes.Length != 8 + (count * 16))
        {
            throw new FastaIndexFormatException(gziPath, $"the .gzi index declares {count} blocks but holds {(bytes.Length - 8) / 16.0:0.#}");
        }

        int n = (int)count;
        long[] compressed = new long[n + 1];
        long[] uncompressed = new long[n + 1];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<byte> pair = bytes.Slice(8 + (16 * i), 16);
            ulong c = BinaryPrimitives.ReadUInt64LittleEndian(pair);
            ulong u = BinaryPrimitives.ReadUInt64LittleEndian(pair[8..]);
            if (c > VirtualOffset.MaxCompressedOffset || u > long.MaxValue)
            {
                throw new FastaIndexFormatException(gziPath, $"the .gzi index is corrupt: block {i + 1} has offsets {c} / {u}, beyond any BGZF file");
            }

            compressed[i + 1] = (long)c;
            uncompressed[i + 1] = (long)u;
            if (compressed[i + 1] <= compressed[i] || uncompressed[i + 1] <= uncompressed[i]
                || uncompressed[i + 1] - uncompressed[i] > VirtualOffset.MaxUncompressedOffset + 1)
            {
                throw new FastaIndexFormatException(gziPath, $"the .gzi index is corrupt: block {i + 1} does not follow block {i}");
            }
        }

        return new GziIndex(compressed, uncompressed);
    }

    /// <summary>The virtual offset of an uncompressed byte offset: the last block starting at or before it, plus the rest.</summary>
    public VirtualOffset ToVirtualOffset(long uncompressedOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uncompressedOffset);
        int i = Array.BinarySearch(_uncompressed, uncompressedOffset);
        if (i < 0)
        {
            i = ~i - 1;
        }

        long within = uncompressedOffset - _uncompressed[i];
        if (within > VirtualOffset.MaxUncompressedOffset)
        {
            // Only possible past the last indexed block: beyond the data, or the index is stale.
            throw new ArgumentOutOfRangeException(nameof(uncompressedOffset), $"offset {uncompressedOffset} lies beyond the blocks the .gzi index knows");
        }

        return new VirtualOffset(_compressed[i], (int)within);
    }
}
