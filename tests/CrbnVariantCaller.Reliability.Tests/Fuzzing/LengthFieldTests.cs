using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bam.Index;
using CrbnVariantCaller.Formats.Bgzf;
using CrbnVariantCaller.Fuzz.Mutation;
using Xunit;

namespace CrbnVariantCaller.Reliability.Tests.Fuzzing;

/// <summary>
/// A corrupt length or count in a small file is rejected with the reader's typed exception, and what the reader
/// allocates follows the bytes actually present, never the number in the field (issue #10: "cap and check every
/// length before allocating").
/// </summary>
public sealed class LengthFieldTests
{
    private const long SmallAllocation = 4 << 20;

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(500_000_000)]
    public void BamHeaderTextLengthBeyondTheDataIsTruncationNotAGiantBuffer(int lText)
    {
        byte[] bam = Bam(header: w => w.Int(lText).Text("@HD\tVN:1.6\n"));
        long allocated = Allocated(() => Assert.Throws<BamTruncatedException>(() => Open(bam)));
        Assert.True(allocated < SmallAllocation, $"allocated {allocated:N0} bytes for a {bam.Length}-byte file");
    }

    [Fact]
    public void BamReferenceCountBeyondTheDataIsTruncationNotAGiantArray()
    {
        byte[] bam = Bam(header: w => w.Int(0).Int(int.MaxValue).Int(5).Text("chr1\0").Int(1000));
        long allocated = Allocated(() => Assert.Throws<BamTruncatedException>(() => Open(bam)));
        Assert.True(allocated < SmallAllocation, $"allocated {allocated:N0} bytes");
    }

    [Theory]
    [InlineData(200_000_000)]
    [InlineData(int.MaxValue - 2)]
    public void RecordBlockSizeBeyondTheDataFailsTypedAndSmall(int blockSize)
    {
        byte[] bam = Bam(header: w => w.Int(0).Int(0), records: w => w.Int(blockSize).Bytes(new byte[40]));
        long allocated = Allocated(() =>
        {
            using BamReader reader = Open(bam);
            var e = Assert.ThrowsAny<Core.Errors.InvalidInputFileException>(() => reader.ReadRecord(new BamRecord()));
            Assert.True(e is BamTruncatedException or BamFormatException, e.ToString());
        });
        Assert.True(allocated < SmallAllocation, $"allocated {allocated:N0} bytes");

        using BamReader counter = Open(bam);
        Assert.ThrowsAny<Core.Errors.InvalidInputFileException>(() => counter.CountRecords());
    }

    [Theory]
    [InlineData(4, "number of references")]
    [InlineData(8, "number of bins")]
    public void BaiCountsAreCheckedAgainstTheBytesLeft(int offset, string field)
    {
        byte[] bai = new Writer().Text("BAI\u0001").Int(1).Int(1).Int(4681).Int(1).Long(0).Long(100).Int(0).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bai.AsSpan(offset), 1 << 30);
        string path = Temp(bai);
        long allocated = Allocated(() =>
        {
            var e = Assert.Throws<BamIndexFormatException>(() => BamIndex.Load(path));
            Assert.Contains(field, e.Message, StringComparison.Ordinal);
        });
        Assert.True(allocated < SmallAllocation, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void CsiWithMoreBinsThanThirtyTwoBitsCanNumberIsRejected()
    {
        byte[] csi = BgzfMutations.Compress(new Writer().Text("CSI\u0001").Int(1).Int(11).Int(0).Int(0).ToArray());
        var e = Assert.Throws<BamIndexFormatException>(() => BamIndex.Load(Temp(csi)));
        Assert.Contains("binning scheme", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOpenEndedQueryOnAFineCsiSchemeDoesNotListEveryBin()
    {
        // min_shift 1, depth 10: 8^10 bottom bins. Planning chr:1- used to list all of them.
        byte[] csi = BgzfMutations.Compress(new Writer().Text("CSI\u0001").Int(1).Int(10).Int(0).Int(1)
            .Int(1).Int(BinScheme.FirstBinOfLevel(10)).Long(0).Int(1).Long(0).Long(1000).ToArray());
        BamIndex index = BamIndex.Load(Temp(csi));
        var clock = Stopwatch.StartNew();
        IReadOnlyList<IndexChunk> chunks = index.GetChunks(0, 0, long.MaxValue);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"planning took {clock.Elapsed}");
        Assert.Single(chunks);
    }

    [Fact]
    public void NegativeBinNumbersInABaiAreIgnoredNotLoopedOn()
    {
        // 0xFFFF6DB6 is -37450 as an int: BinScheme.Level used to walk its parent chain forever.
        byte[] bai = new Writer().Text("BAI\u0001").Int(1).Int(2).Int(unchecked((int)0xFFFF6DB6)).Int(1).Long(0).Long(100)
            .Int(4681).Int(1).Long(0).Long(100).Int(0).ToArray();
        BamIndex index = BamIndex.Load(Temp(bai));
        Assert.Single(index.GetChunks(0, 0, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinScheme.Level(-37450));
    }

    [Fact]
    public void InRegionSelectsExactlyTheBinsOfReg2bins()
    {
        var random = new Random(5);
        foreach (BinScheme scheme in new[] { BinScheme.Bai, new BinScheme(12, 6) })
        {
            for (int k = 0; k < 200; k++)
            {
                long start = random.NextInt64(0, scheme.MaxPosition);
                long end = start + 1 + random.NextInt64(0, 1 << random.Next(1, 26));
                HashSet<int> expected = [.. scheme.RegionToBins(start, end)];
                for (int bin = 0; bin < Math.Min(scheme.BinCount, 40_000); bin += 1 + random.Next(3))
                {
                    Assert.Equal(expected.Contains(bin), scheme.InRegion(bin, start, end));
                }

                foreach (int bin in expected)
                {
                    Assert.True(scheme.InRegion(bin, start, end));
                }
            }
        }
    }

    private static BamReader Open(byte[] bam) => new(new BgzfReader(new MemoryStream(bam), "case.bam"));

    private static byte[] Bam(Action<Writer> header, Action<Writer>? records = null)
    {
        var w = new Writer().Text("BAM\u0001");
        header(w);
        records?.Invoke(w);
        return BgzfMutations.Compress(w.ToArray());
    }

    private static long Allocated(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Temp(byte[] bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), $"crbn-len-{Guid.NewGuid():N}.idx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private sealed class Writer
    {
        private readonly MemoryStream _ms = new();

        public Writer Int(int v)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(b, v);
            _ms.Write(b);
            return this;
        }

        public Writer Long(long v)
        {
            Span<byte> b = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(b, v);
            _ms.Write(b);
            return this;
        }

        public Writer Text(string s) => Bytes(Encoding.ASCII.GetBytes(s));

        public Writer Bytes(byte[] b)
        {
            _ms.Write(b);
            return this;
        }

        public byte[] ToArray() => _ms.ToArray();
    }
}
