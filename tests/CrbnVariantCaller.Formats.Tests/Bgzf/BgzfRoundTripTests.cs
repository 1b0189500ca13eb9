using System.Buffers.Binary;
using CrbnVariantCaller.Formats.Bgzf;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bgzf;

/// <summary>Writer → reader round trips over both DEFLATE backends, several levels and thread counts.</summary>
public sealed class BgzfRoundTripTests
{
    public static TheoryData<string, string, int> BackendPairs()
    {
        TheoryData<string, string, int> data = new();
        foreach (string writer in new[] { "libdeflate", "managed" })
        {
            foreach (string reader in new[] { "libdeflate", "managed" })
            {
                foreach (int level in new[] { 0, 1, 6, 9 })
                {
                    data.Add(writer, reader, level);
                }
            }
        }

        return data;
    }

    [Fact]
    public void LibDeflateIsLoadedOnThisMachine()
    {
        // CI installs libdeflate0 with samtools; falling back silently would hide a 2x slowdown.
        Assert.True(LibDeflateLibrary.IsAvailable, BgzfReader.InflaterDescription);
        Assert.StartsWith("libdeflate (", BgzfReader.InflaterDescription);
    }

    [Theory]
    [MemberData(nameof(BackendPairs))]
    public void WhatIsWrittenReadsBackIdentically(string writerBackend, string readerBackend, int level)
    {
        byte[] original = MixedData(700_000, seed: level);
        byte[] file = Write(original, level, writerBackend);

        foreach (int threads in new[] { 1, 2, 4 })
        {
            using BgzfReader reader = new(new MemoryStream(file), "memory.gz", BgzfTestFiles.Options(readerBackend, threads));
            Assert.True(reader.HasEofMarker);
            byte[] back = BgzfTestFiles.ReadAll(reader, chunk: 65_537);
            Assert.True(original.AsSpan().SequenceEqual(back), $"{threads} thread(s)");
            Assert.Equal(0, reader.Read(new byte[10]));
        }
    }

    [Fact]
    public void BlocksRespectTheBgzfSizeLimits()
    {
        byte[] incompressible = new byte[300_000];
        new Random(7).NextBytes(incompressible);
        byte[] file = Write(incompressible, 9, "libdeflate");

        int offset = 0;
        int blocks = 0;
        while (offset < file.Length)
        {
            int total = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(offset + 16)) + 1;
            int isize = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(offset + total - 4));
            Assert.InRange(total, 28, 65536);
            Assert.InRange(isize, 0, 0xff00);
            offset += total;
            blocks++;
        }

        Assert.Equal(file.Length, offset);
        Assert.Equal(6, blocks); // 300,000 bytes = 4 full blocks of 65,280 + 1 partial, then the EOF marker
        Assert.True(file.AsSpan(file.Length - 28).SequenceEqual(EofMarker()));
    }

    [Fact]
    public void EmptyOutputIsJustTheEofMarkerAndReadsAsNoData()
    {
        byte[] file = Write([], 6, "libdeflate");
        Assert.Equal(EofMarker(), file);
        using BgzfReader reader = new(new MemoryStream(file), "empty.gz");
        Assert.Equal(0, reader.Read(new byte[1]));
        Assert.False(reader.TryReadExactly(new byte[4]));
        Assert.True(reader.HasEofMarker);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void ReaderPositionMatchesWriterPositionAtEveryRecordAndSeeksBackToEach(int threads)
    {
        (byte[] file, List<(VirtualOffset Offset, byte[] Record)> records) = WriteRecords(count: 20_000, seed: threads);

        using BgzfReader reader = new(new MemoryStream(file), "records.gz", threads);
        byte[] lengthBytes = new byte[4];
        foreach ((VirtualOffset offset, byte[] record) in records)
        {
            Assert.Equal(offset, reader.Position);
            reader.ReadExactly(lengthBytes);
            byte[] body = new byte[BinaryPrimitives.ReadInt32LittleEndian(lengthBytes)];
            reader.ReadExactly(body);
            Assert.Equal(record, body);
        }

        Assert.False(reader.TryReadExactly(lengthBytes));

        Random random = new(threads);
        for (int i = 0; i < 2_000; i++)
        {
            int k = random.Next(records.Count);
            reader.Seek(records[k].Offset);
            Assert.Equal(records[k].Offset, reader.Position);
            reader.ReadExactly(lengthBytes);
            byte[] body = new byte[BinaryPrimitives.ReadInt32LittleEndian(lengthBytes)];
            reader.ReadExactly(body);
            Assert.Equal(records[k].Record, body);

            // Continuing after the seek reads the following record, across block boundaries.
            if (k + 1 < records.Count)
            {
                Assert.Equal(records[k + 1].Offset, reader.Position);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ForwardSeeksToEveryRecordLikeAnIndexChunkWalk(int threads)
    {
        (byte[] file, List<(VirtualOffset Offset, byte[] Record)> records) = WriteRecords(count: 6_000, seed: 40 + threads);
        using BgzfReader reader = new(new MemoryStream(file), "walk.gz", threads);
        byte[] lengthBytes = new byte[4];
        for (int k = 0; k < records.Count; k += 1 + (k % 3))
        {
            reader.Seek(records[k].Offset);
            reader.ReadExactly(lengthBytes);
            byte[] body = new byte[BinaryPrimitives.ReadInt32LittleEndian(lengthBytes)];
            reader.ReadExactly(body);
            Assert.Equal(records[k].Record, body);
        }
    }

    [Fact]
    public void ConcatenatedFilesReadAsOneStreamAcrossTheInnerEofMarker()
    {
        byte[] first = MixedData(100_000, 8);
        byte[] second = MixedData(90_000, 9);
        byte[] file = [.. Write(first, 6, "libdeflate"), .. Write(second, 1, "managed")];
        foreach (int threads in new[] { 1, 2 })
        {
            using BgzfReader reader = new(new MemoryStream(file), "cat.gz", threads);
            Assert.Equal([.. first, .. second], BgzfTestFiles.ReadAll(reader, chunk: 333));
        }
    }

    [Fact]
    public void FlushBlockStartsANewBlockAtUncompressedOffsetZero()
    {
        using MemoryStream ms = new();
        using (BgzfWriter writer = new(ms, leaveOpen: true))
        {
            writer.Write("header"u8);
            Assert.Equal(new VirtualOffset(0, 6), writer.Position);
            writer.FlushBlock();
            VirtualOffset second = writer.Position;
            Assert.Equal(0, second.UncompressedOffset);
            Assert.True(second.CompressedOffset > 0);
            writer.FlushBlock(); // an empty block is never written
            Assert.Equal(second, writer.Position);
            writer.Write("body"u8);
            Assert.Equal(10L, ((Stream)writer).Position);
        }

        using BgzfReader reader = new(new MemoryStream(ms.ToArray()), "flush.gz");
        Assert.Equal("headerbody", System.Text.Encoding.ASCII.GetString(BgzfTestFiles.ReadAll(reader)));
    }

    [Fact]
    public void ReadsANonSeekableStreamAndObservesTheEofMarkerAtTheEnd()
    {
        byte[] original = MixedData(200_000, seed: 3);
        byte[] file = Write(original, 6, "libdeflate");
        using BgzfReader reader = new(new ForwardOnlyStream(file), "pipe", 2);
        Assert.False(reader.HasEofMarker);
        Assert.Equal(original, BgzfTestFiles.ReadAll(reader));
        Assert.True(reader.HasEofMarker);
    }

    internal static byte[] Write(byte[] data, int level, string backend)
    {
        using MemoryStream ms = new();
        using (BgzfWriter writer = new(ms, level, leaveOpen: true, backend == "managed" ? DeflateBackend.Managed : DeflateBackend.LibDeflate))
        {
            // Uneven write sizes exercise the block-filling logic.
            int offset = 0;
            int step = 1;
            while (offset < data.Length)
            {
                int n = Math.Min(step, data.Length - offset);
                writer.Write(data, offset, n);
                offset += n;
                step = (step * 7 % 100_003) + 1;
            }
        }

        return ms.ToArray();
    }

    /// <summary>Length-prefixed records, with the writer's virtual offset before each.</summary>
    internal static (byte[] File, List<(VirtualOffset Offset, byte[] Record)> Records) WriteRecords(int count, int seed)
    {
        Random random = new(seed);
        List<(VirtualOffset, byte[])> records = new(count);
        using MemoryStream ms = new();
        using (BgzfWriter writer = new(ms, 6, leaveOpen: true))
        {
            Span<byte> length = stackalloc byte[4];
            for (int i = 0; i < count; i++)
            {
                byte[] record = new byte[random.Next(0, 400)];
                random.NextBytes(record.AsSpan(0, record.Length / 2));
                records.Add((writer.Position, record));
                BinaryPrimitives.WriteInt32LittleEndian(length, record.Length);
                writer.Write(length);
                writer.Write(record);
                if (i % 5_000 == 4_999)
                {
                    writer.FlushBlock();
                }
            }
        }

        return (ms.ToArray(), records);
    }

    /// <summary>Text-like runs mixed with random bytes, so that blocks compress to very different sizes.</summary>
    internal static byte[] MixedData(int length, int seed)
    {
        Random random = new(seed);
        byte[] data = new byte[length];
        int i = 0;
        while (i < length)
        {
            int run = Math.Min(random.Next(1, 5_000), length - i);
            if (random.Next(3) == 0)
            {
                random.NextBytes(data.AsSpan(i, run));
            }
            else
            {
                for (int j = 0; j < run; j++)
                {
                    data[i + j] = (byte)"ACGTN\t\n"[random.Next(7)];
                }
            }

            i += run;
        }

        return data;
    }

    internal static byte[] EofMarker() => Convert.FromHexString("1f8b08040000000000ff0600424302001b0003000000000000000000");

    /// <summary>A stream that can only be read forward, like a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 1_000), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
