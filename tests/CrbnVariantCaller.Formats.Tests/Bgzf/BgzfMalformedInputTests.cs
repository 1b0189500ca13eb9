using System.Buffers.Binary;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Formats.Bgzf;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bgzf;

/// <summary>Each kind of damage gives its own exception type, naming the file, on both backends and thread counts.</summary>
public sealed class BgzfMalformedInputTests : IDisposable
{
    private readonly List<string> _files = [];

    public static TheoryData<string, int> Configurations() => new()
    {
        { "libdeflate", 1 },
        { "libdeflate", 2 },
        { "managed", 1 },
        { "managed", 4 },
    };

    public void Dispose()
    {
        foreach (string file in _files)
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void EmptyFileIsRejectedAtOpen(string backend, int threads)
    {
        string path = Save([]);
        BgzfFormatException e = Assert.Throws<BgzfFormatException>(() => new BgzfReader(path, BgzfTestFiles.Options(backend, threads)));
        AssertNamesFile(e, path, "empty");
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void TextFileHasWrongMagic(string backend, int threads)
    {
        string path = Save("chr3\t3149633\t3179717\n"u8.ToArray());
        BgzfFormatException e = Assert.Throws<BgzfFormatException>(() => new BgzfReader(path, BgzfTestFiles.Options(backend, threads)));
        AssertNamesFile(e, path, "gzip magic");
    }

    [Fact]
    public void UncompressedBamIsNamedAsSuch()
    {
        string path = Save("BAM\u0001\u0000\u0000\u0000\u0000"u8.ToArray());
        BgzfFormatException e = Assert.Throws<BgzfFormatException>(() => new BgzfReader(path));
        AssertNamesFile(e, path, "uncompressed BAM");
    }

    [Fact]
    public void PlainGzipIsNotBgzf()
    {
        using MemoryStream ms = new();
        using (System.IO.Compression.GZipStream gz = new(ms, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(BgzfRoundTripTests.MixedData(10_000, 1));
        }

        string path = Save(ms.ToArray());
        BgzfFormatException e = Assert.Throws<BgzfFormatException>(() => new BgzfReader(path));
        AssertNamesFile(e, path, "not BGZF");
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void MissingEofMarkerIsRejectedAtOpenUnlessTolerated(string backend, int threads)
    {
        byte[] original = BgzfRoundTripTests.MixedData(150_000, 2);
        byte[] file = BgzfRoundTripTests.Write(original, 6, backend);
        string path = Save(file.AsSpan(0, file.Length - 28).ToArray());

        BgzfMissingEofException e = Assert.Throws<BgzfMissingEofException>(() => new BgzfReader(path, BgzfTestFiles.Options(backend, threads)));
        AssertNamesFile(e, path, "end-of-file marker");

        using BgzfReader tolerant = new(path, BgzfTestFiles.Options(backend, threads, allowMissingEof: true));
        Assert.False(tolerant.HasEofMarker);
        Assert.Equal(original, BgzfTestFiles.ReadAll(tolerant));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void FileCutInsideABlockIsTruncatedAfterTheGoodData(string backend, int threads)
    {
        byte[] original = BgzfRoundTripTests.MixedData(300_000, 3);
        byte[] file = BgzfRoundTripTests.Write(original, 6, backend);
        List<int> blockStarts = BlockStarts(file);
        int cut = blockStarts[3] + 100; // inside the fourth block
        string path = Save(file.AsSpan(0, cut).ToArray());

        Assert.Throws<BgzfMissingEofException>(() => new BgzfReader(path, BgzfTestFiles.Options(backend, threads)));

        using BgzfReader reader = new(path, BgzfTestFiles.Options(backend, threads, allowMissingEof: true));
        byte[] buffer = new byte[original.Length];
        int good = 3 * 0xff00;
        reader.ReadExactly(buffer.AsSpan(0, good));
        Assert.True(original.AsSpan(0, good).SequenceEqual(buffer.AsSpan(0, good)));
        BgzfTruncatedException e = Assert.Throws<BgzfTruncatedException>(() => reader.Read(buffer));
        AssertNamesFile(e, path, $"offset {blockStarts[3]}");

        // The failure is sticky: the reader never silently skips the damaged block.
        Assert.Throws<BgzfTruncatedException>(() => reader.Read(buffer));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void FlippedDataByteFailsTheCrcOfThatBlock(string backend, int threads)
    {
        byte[] original = BgzfRoundTripTests.MixedData(300_000, 4);
        byte[] file = BgzfRoundTripTests.Write(original, 0, backend); // stored blocks: a flipped byte stays valid DEFLATE
        List<int> blockStarts = BlockStarts(file);
        file[blockStarts[2] + 18 + 5 + 1000] ^= 0x20;
        string path = Save(file);

        using BgzfReader reader = new(path, BgzfTestFiles.Options(backend, threads));
        byte[] buffer = new byte[original.Length];
        reader.ReadExactly(buffer.AsSpan(0, 2 * 0xff00));
        BgzfCrcMismatchException e = Assert.Throws<BgzfCrcMismatchException>(() => reader.ReadExactly(buffer));
        AssertNamesFile(e, path, $"block at offset {blockStarts[2]}");
        Assert.Contains("CRC32", e.Message);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void WrongIsizeIsReported(string backend, int threads)
    {
        byte[] file = BgzfRoundTripTests.Write(BgzfRoundTripTests.MixedData(100_000, 5), 6, backend);
        List<int> blockStarts = BlockStarts(file);
        int isizeAt = blockStarts[1] - 4;
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(isizeAt), 0xff00 - 1);
        string path = Save(file);

        BgzfCrcMismatchException e = Assert.Throws<BgzfCrcMismatchException>(() =>
        {
            using BgzfReader reader = new(path, BgzfTestFiles.Options(backend, threads));
            BgzfTestFiles.ReadAll(reader);
        });
        AssertNamesFile(e, path, "ISIZE");
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void CorruptDeflateDataIsAnInputError(string backend, int threads)
    {
        byte[] file = BgzfRoundTripTests.Write(BgzfRoundTripTests.MixedData(100_000, 6), 6, backend);
        for (int i = 18; i < 60; i++)
        {
            file[i] = 0xff; // 0b11 block type is invalid DEFLATE
        }

        string path = Save(file);
        InvalidInputFileException e = Assert.ThrowsAny<InvalidInputFileException>(() =>
        {
            using BgzfReader reader = new(path, BgzfTestFiles.Options(backend, threads));
            BgzfTestFiles.ReadAll(reader);
        });
        Assert.True(e is BgzfFormatException or BgzfCrcMismatchException, e.GetType().Name);
        AssertNamesFile(e, path, "block at offset 0");
    }

    [Fact]
    public void TryReadExactlyDistinguishesCleanEndFromTruncation()
    {
        byte[] file = BgzfRoundTripTests.Write(new byte[100], 6, "libdeflate");
        using BgzfReader reader = new(new MemoryStream(file), "hundred.gz");
        Assert.True(reader.TryReadExactly(new byte[96]));
        BgzfTruncatedException e = Assert.Throws<BgzfTruncatedException>(() => reader.TryReadExactly(new byte[10]));
        AssertNamesFile(e, "hundred.gz", "4 of 10");
        Assert.False(reader.TryReadExactly(new byte[10]));
        Assert.Throws<BgzfTruncatedException>(() => reader.ReadExactly(new byte[1]));
    }

    [Fact]
    public void SeekToAnOffsetThatIsNotABlockStartIsAnInputError()
    {
        byte[] file = BgzfRoundTripTests.Write(BgzfRoundTripTests.MixedData(200_000, 7), 6, "libdeflate");
        string path = Save(file);
        using BgzfReader reader = new(path, 2);
        reader.Seek(new VirtualOffset(5, 0));
        BgzfFormatException e = Assert.Throws<BgzfFormatException>(() => reader.Read(new byte[1]));
        AssertNamesFile(e, path, "offset 5");

        Assert.Throws<BgzfFormatException>(() => reader.Seek(new VirtualOffset(0, 65535)));

        // A good seek clears the failure.
        reader.Seek(new VirtualOffset(0, 3));
        Assert.Equal(new VirtualOffset(0, 3), reader.Position);
        Assert.Equal(200_000 - 3, BgzfTestFiles.ReadAll(reader).Length);
    }

    private static void AssertNamesFile(InvalidInputFileException e, string path, string detail)
    {
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(path + ": ", e.ToUserMessage());
        Assert.Contains(detail, e.Message);
    }

    private static List<int> BlockStarts(byte[] file)
    {
        List<int> starts = [];
        for (int offset = 0; offset < file.Length; offset += BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(offset + 16)) + 1)
        {
            starts.Add(offset);
        }

        return starts;
    }

    private string Save(byte[] bytes)
    {
        string path = BgzfTestFiles.TempPath(".gz");
        File.WriteAllBytes(path, bytes);
        _files.Add(path);
        return path;
    }
}
