using System.Security.Cryptography;
using Xunit;

namespace CrbnVariantCaller.TestData.Tests;

/// <summary>The committed generated files are exactly those that <c>build.sh</c> recorded in <c>SHA256SUMS</c>.</summary>
public sealed class ChecksumTests
{
    [Fact]
    public void EveryGeneratedFileMatchesSha256Sums()
    {
        string[] lines = File.ReadAllLines(SyntheticWorld.PathOf("SHA256SUMS"));
        Assert.True(lines.Length > 50, "SHA256SUMS lists the generated files");
        foreach (string line in lines)
        {
            string expected = line[..64];
            string relative = line[66..];
            using FileStream fs = File.OpenRead(SyntheticWorld.PathOf(relative));
            Assert.True(expected == Convert.ToHexStringLower(SHA256.HashData(fs)), $"{relative} differs from SHA256SUMS; rerun bash testdata/build.sh");
        }
    }
}
