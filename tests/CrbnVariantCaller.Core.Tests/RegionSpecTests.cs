using CrbnVariantCaller.Core.Coordinates;
using Xunit;

namespace CrbnVariantCaller.Core.Tests;

public sealed class RegionSpecTests
{
    [Theory]
    [InlineData("chr3", "chr3", 1, null)]
    [InlineData("chr3:100", "chr3", 100, null)]
    [InlineData("chr3:3,149,633-3,179,717", "chr3", 3149633, 3179717)]
    [InlineData("chr3:-500", "chr3", 1, 500)]
    [InlineData("chr3:500-", "chr3", 500, null)]
    [InlineData("{HLA-A*01:01}:5-10", "HLA-A*01:01", 5, 10)]
    public void ParsesSamtoolsForms(string text, string contig, int start, int? end)
    {
        RegionSpec r = RegionSpec.Parse(text);
        Assert.Equal(contig, r.Contig);
        Assert.Equal(start, r.Start.Value);
        Assert.Equal(end, r.End?.Value);
    }

    [Fact]
    public void WholeStringThatIsAKnownContigWins()
    {
        RegionSpec r = RegionSpec.Parse("HLA-A*01:01", name => name == "HLA-A*01:01");
        Assert.Equal("HLA-A*01:01", r.Contig);
        Assert.Null(r.End);
    }

    [Fact]
    public void AmbiguousNameIsRejectedAsHtslibDoes() =>
        Assert.Throws<FormatException>(() => RegionSpec.Parse("chr1:100", name => name is "chr1:100" or "chr1"));

    [Theory]
    [InlineData("chr3:0-10")]
    [InlineData("")]
    [InlineData("chr3:abc")]
    [InlineData("chr3:10-5")]
    [InlineData(":5-10")]
    public void RejectsMalformed(string text) => Assert.Throws<FormatException>(() => RegionSpec.Parse(text));

    [Fact]
    public void IntervalPrintsLikeSamtools() =>
        Assert.Equal("chr3:3,149,633-3,179,717", new GenomicInterval("chr3", new Position(3149633), new Position(3179717)).ToString());
}
