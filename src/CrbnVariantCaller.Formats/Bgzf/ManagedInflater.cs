using System.IO.Compression;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Inflates with <see cref="DeflateStream"/>; the fallback when libdeflate cannot be loaded.</summary>
internal sealed unsafe class ManagedInflater : IBlockInflater
{
    public int Inflate(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* src = source)
        {
            using UnmanagedMemoryStream input = new(src, source.Length);
            using DeflateStream inflate = new(input, CompressionMode.Decompress);
            int total = 0;
            while (total < destination.Length)
            {
                int n = inflate.Read(destination[total..]);
                if (n == 0)
                {
                    return total;
                }

                total += n;
            }

            Span<byte> probe = stackalloc byte[1];
            if (inflate.Read(probe) != 0)
            {
                throw new InvalidDataException($"DEFLATE data inflates to more than {destination.Length} bytes");
            }

            return total;
        }
    }

    public uint Crc32(ReadOnlySpan<byte> data) => ManagedCrc32.Compute(data);

    public void Dispose()
    {
    }
}
