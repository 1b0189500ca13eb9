using CrbnVariantCaller.Core.Genome;
using Xunit;

namespace CrbnVariantCaller.Core.Tests.Genome;

public sealed class ContigNamesTests
{
    [Theory]
    [InlineData("chr3", "3")]
    [InlineData("3", "3")]
    [InlineData("chrX", "X")]
    [InlineData("x", "X")]
    [InlineData("chrM", "MT")]
    [InlineData("MT", "MT")]
    [InlineData("chrMT", "MT")]
    public void Canonical_names(string name, string expected)
    {
        Assert.True(ContigNames.TryGetCanonical(name, out string? canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("chr1_KI270706v1_random")]
    [InlineData("GL000207.1")]
    [InlineData("hs37d5")]
    [InlineData("chr23")]
    [InlineData("HLA-A*01:01:01:01")]
    public void Non_primary_names(string name) => Assert.False(ContigNames.TryGetCanonical(name, out _));

    [Fact]
    public void Format_and_find_equivalents()
    {
        Assert.Equal("chrM", ContigNames.Format("MT", ContigNaming.WithChr));
        Assert.Equal("chr3", ContigNames.Format("3", ContigNaming.WithChr));
        Assert.Equal("3", ContigNames.Format("3", ContigNaming.WithoutChr));
        Assert.True(ContigNames.TryFindEquivalent("chr3", ["1", "2", "3"], out string? m));
        Assert.Equal("3", m);
        Assert.True(ContigNames.TryFindEquivalent("MT", ["chrM"], out m));
        Assert.Equal("chrM", m);
        Assert.False(ContigNames.TryFindEquivalent("chr4", ["1", "2", "3"], out _));
        Assert.Equal(ContigNaming.Unknown, ContigNames.DetectNaming(["chr1", "2"]));
    }
}
