using CrbnVariantCaller.Formats.Bgzf;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bgzf;

public sealed class VirtualOffsetTests
{
    [Theory]
    [InlineData(0L, 0, 0UL)]
    [InlineData(1L, 0, 0x10000UL)]
    [InlineData(0L, 65535, 0xFFFFUL)]
    [InlineData(4_398_046_511_103L, 42, (4_398_046_511_103UL << 16) | 42UL)]
    [InlineData(VirtualOffset.MaxCompressedOffset, 65535, ulong.MaxValue)]
    public void PacksCompressedOffsetAboveUncompressedOffset(long compressed, int uncompressed, ulong packed)
    {
        VirtualOffset offset = new(compressed, uncompressed);
        Assert.Equal(packed, offset.Value);
        Assert.Equal(compressed, offset.CompressedOffset);
        Assert.Equal(uncompressed, offset.UncompressedOffset);
        Assert.Equal(offset, new VirtualOffset(packed));
    }

    [Fact]
    public void OrdersByCompressedThenUncompressedOffset()
    {
        VirtualOffset a = new(100, 65535);
        VirtualOffset b = new(101, 0);
        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(a <= new VirtualOffset(100, 65535));
        Assert.True(b >= a);
        Assert.False(a >= b);
        Assert.True(a.CompareTo(b) < 0);
        Assert.Equal("101:0", b.ToString());
    }

    [Theory]
    [InlineData(-1L, 0)]
    [InlineData(1L << 48, 0)]
    [InlineData(0L, -1)]
    [InlineData(0L, 65536)]
    public void RejectsOutOfRangeParts(long compressed, int uncompressed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualOffset(compressed, uncompressed));
}
