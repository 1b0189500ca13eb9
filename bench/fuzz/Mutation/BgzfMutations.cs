using System.Buffers.Binary;
using CrbnVariantCaller.Formats.Bgzf;

namespace CrbnVariantCaller.Fuzz.Mutation;

/// <summary>
/// BGZF at both levels: recompressing a (mutated) payload into valid blocks with correct CRCs, and mutating the
/// compressed file itself: bit flips, truncation, dropped, duplicated and swapped blocks, and the header fields
/// (XLEN, the BC subfield, BSIZE), CRC32, ISIZE and the end-of-file marker.
/// </summary>
public static class BgzfMutations
{
    private const int StandardHeader = 18;

    /// <summary>Compresses <paramref name="payload"/> as BGZF, ending blocks at random places when <paramref name="random"/> is given.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> payload, Random? random = null, int maxBlockData = 0, bool eofMarker = true)
    {
        using var ms = new MemoryStream();
        using (var writer = new BgzfWriter(ms, compressionLevel: 1, leaveOpen: true))
        {
            int p = 0;
            while (p < payload.Length)
            {
                int n = maxBlockData > 0 ? maxBlockData : random is null ? payload.Length : 1 + random.Next(Math.Max(1, payload.Length / 2));
                n = Math.Min(n, payload.Length - p);
                writer.Write(payload.Slice(p, n));
                writer.FlushBlock();
                p += n;
            }
        }

        byte[] bytes = ms.ToArray();
        return eofMarker ? bytes : bytes[..^28];
    }

    /// <summary>The decompressed bytes of a valid BGZF file.</summary>
    public static byte[] Decompress(byte[] bgzf)
    {
        using var reader = new BgzfReader(new MemoryStream(bgzf), "seed", new BgzfReaderOptions { AllowMissingEofMarker = true });
        using var ms = new MemoryStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            ms.Write(buffer, 0, n);
        }

        return ms.ToArray();
    }

    /// <summary>The (offset, length) of each block of a well-formed BGZF file.</summary>
    public static List<(int Offset, int Length)> Blocks(byte[] bgzf)
    {
        var blocks = new List<(int, int)>();
        int p = 0;
        while (p + StandardHeader <= bgzf.Length)
        {
            int size = BinaryPrimitives.ReadUInt16LittleEndian(bgzf.AsSpan(p + 16)) + 1;
            if (size < StandardHeader + 8 || p + size > bgzf.Length)
            {
                break;
            }

            blocks.Add((p, size));
            p += size;
        }

        return blocks;
    }

    /// <summary>One to three mutations of the compressed file, chosen among block-aware and blind ones.</summary>
    public static byte[] MutateCompressed(byte[] bgzf, Random random)
    {
        byte[] current = bgzf;
        int count = 1 + random.Next(3);
        for (int k = 0; k < count; k++)
        {
            current = MutateOnce(current, random);
        }

        return current;
    }

    private static byte[] MutateOnce(byte[] data, Random random)
    {
        List<(int Offset, int Length)> blocks = Blocks(data);
        if (blocks.Count == 0 || random.Next(5) == 0)
        {
            return ByteMutations.Mutate(data, random);
        }

        int bi = random.Next(blocks.Count);
        (int off, int len) = blocks[bi];
        byte[] copy = (byte[])data.Clone();
        switch (random.Next(12))
        {
            case 0: // drop a block
                return [.. data.AsSpan(0, off), .. data.AsSpan(off + len)];
            case 1: // duplicate a block
                return [.. data.AsSpan(0, off + len), .. data.AsSpan(off, len), .. data.AsSpan(off + len)];
            case 2: // swap two blocks
            {
                int bj = random.Next(blocks.Count);
                if (bj == bi)
                {
                    return data;
                }

                var parts = blocks.Select(b => data.AsSpan(b.Offset, b.Length).ToArray()).ToList();
                (parts[bi], parts[bj]) = (parts[bj], parts[bi]);
                int tail = blocks[^1].Offset + blocks[^1].Length;
                return [.. parts.SelectMany(x => x), .. data.AsSpan(tail)];
            }

            case 3: // truncate inside or at the end of a block
                return data[..(off + random.Next(len + 1))];
            case 4: // BSIZE
                ByteMutations.SetField(copy, off + 16, 2, random);
                return copy;
            case 5: // XLEN
                ByteMutations.SetField(copy, off + 10, 2, random);
                return copy;
            case 6: // the BC subfield identifier or its length
                copy[off + 12 + random.Next(4)] ^= (byte)(1 << random.Next(8));
                return copy;
            case 7: // CRC32
                ByteMutations.SetField(copy, off + len - 8, 4, random);
                return copy;
            case 8: // ISIZE
                ByteMutations.SetField(copy, off + len - 4, 4, random);
                return copy;
            case 9: // a flip inside the deflate data
                if (len > StandardHeader + 8)
                {
                    copy[off + StandardHeader + random.Next(len - StandardHeader - 8)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 10: // gzip magic, method, flags
                copy[off + random.Next(4)] = (byte)random.Next(256);
                return copy;
            default: // garbage between blocks
                byte[] junk = new byte[1 + random.Next(40)];
                random.NextBytes(junk);
                return [.. data.AsSpan(0, off), .. junk, .. data.AsSpan(off)];
        }
    }
}
