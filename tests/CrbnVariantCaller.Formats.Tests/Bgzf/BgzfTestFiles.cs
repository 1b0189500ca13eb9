using System.Buffers.Binary;
using CrbnVariantCaller.Formats.Bgzf;

namespace CrbnVariantCaller.Formats.Tests.Bgzf;

/// <summary>Small shared pieces of the BGZF tests: option sets, whole-stream reads, .gzi parsing, temp files.</summary>
internal static class BgzfTestFiles
{
    public static BgzfReaderOptions Options(string backend, int threads = 1, bool allowMissingEof = false) => new()
    {
        Threads = threads,
        AllowMissingEofMarker = allowMissingEof,
        Backend = backend == "managed" ? DeflateBackend.Managed : DeflateBackend.LibDeflate,
    };

    /// <summary>Reads to the end in chunks of <paramref name="chunk"/> bytes (odd sizes cross block boundaries).</summary>
    public static byte[] ReadAll(BgzfReader reader, int chunk = 4096)
    {
        using MemoryStream ms = new();
        byte[] buffer = new byte[chunk];
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            ms.Write(buffer, 0, n);
        }

        return ms.ToArray();
    }

    /// <summary>Parses a bgzip .gzi index: entry count, then (compressed, uncompressed) offset pairs, all uint64 LE.</summary>
    public static List<(long Compressed, long Uncompressed)> ReadGzi(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        long count = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        List<(long, long)> entries = [(0, 0)];
        for (int i = 0; i < count; i++)
        {
            entries.Add((
                (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8 + (16 * i))),
                (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16 + (16 * i)))));
        }

        return entries;
    }

    /// <summary>A fresh path under the system temp folder; the caller deletes it.</summary>
    public static string TempPath(string extension) =>
        Path.Combine(Path.GetTempPath(), $"crbn-bgzf-{Guid.NewGuid():N}{extension}");
}
