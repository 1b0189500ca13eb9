using CrbnVariantCaller.Calling.Germline;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Germline;

/// <summary>Fix 5: at rs1045642 the GRCh38 reference A (minus strand: T) is the c.3435T allele the older papers call the variant.</summary>
public sealed class StudyAllelesTests
{
    private static readonly GermlineSite Rs1045642 = GermlineSiteTable.PharmacogenomicGrch38.Sites.Single(s => s.Id == "rs1045642");

    [Theory]
    [InlineData("0/0", "ABCB1 c.3435C>T T/T")] // homozygous reference in GRCh38 terms is T/T, not "no variant"
    [InlineData("0/1", "ABCB1 c.3435C>T C/T")]
    [InlineData("1/1", "ABCB1 c.3435C>T C/C")]
    [InlineData("./.", null)]
    public void Rs1045642IsReportedInTheStudysNaming(string vcf, string? expected) =>
        Assert.Equal(expected, StudyAlleles.Describe(Rs1045642, vcf));

    [Fact]
    public void TheBuiltInTableNamesTheReferenceAsTheTAllele()
    {
        Assert.Equal('A', Rs1045642.Reference);
        Assert.Equal("c.3435C>T", Rs1045642.StudyNotation);
        Assert.True(Rs1045642.NotationOnMinusStrand);
        Assert.DoesNotContain("c.3435T>C", Rs1045642.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void AMultiAllelicMinusStrandSiteKeepsTheListedOrder()
    {
        GermlineSite rs2032582 = GermlineSiteTable.PharmacogenomicGrch38.Sites.Single(s => s.Id == "rs2032582");
        Assert.Equal("ABCB1 c.2677G>T/A G/T", StudyAlleles.Describe(rs2032582, "0/1"));
        Assert.Equal("ABCB1 c.2677G>T/A T/A", StudyAlleles.Describe(rs2032582, "1/2"));
    }
}
