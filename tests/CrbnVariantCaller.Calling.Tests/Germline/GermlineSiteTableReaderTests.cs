using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Core.Genome;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Germline;

public sealed class GermlineSiteTableReaderTests
{
    private static GermlineSiteTable Read(string text) =>
        GermlineSiteTableReader.Read(new StringReader(text), "sites.tsv", GenomeBuild.GRCh38);

    [Fact]
    public void Reads_columns_by_name_with_comments_commas_and_multiallelic_alts()
    {
        GermlineSiteTable table = Read(
            "# PGx sites, GRCh38\n" +
            "\n" +
            "chrom\tpos\tid\tref\talt\tgene\tnote\n" +
            "chr7\t87,509,329\trs1045642\tA\tG\tABCB1\tc.3435T>C\n" +
            "7\t87531302\trs2032582\tc\tA,T\tABCB1\t\r\n");
        Assert.Equal("sites.tsv", table.Source);
        Assert.Equal(2, table.Sites.Count);
        GermlineSite first = table.Sites[0];
        Assert.Equal(("rs1045642", "ABCB1", "chr7", 87_509_329, 'A'), (first.Id, first.Gene, first.Contig, first.Position.Value, first.Reference));
        Assert.Equal(['G'], first.Alternates);
        Assert.Equal("c.3435T>C", first.Note);
        Assert.Equal(['C', 'A', 'T'], table.Sites[1].Alleles);
    }

    [Fact]
    public void Optional_columns_may_be_absent()
    {
        GermlineSiteTable table = Read("id\tchrom\tpos\tref\talt\nsnp1\tchr6\t43768652\tC\tA\n");
        Assert.Equal(string.Empty, Assert.Single(table.Sites).Gene);
    }

    [Theory]
    [InlineData("id\tchrom\tpos\tref\n", 1, "lacks column(s) alt")]
    [InlineData("id\tchrom\tpos\tref\talt\nrs1\tchr7\t-5\tA\tG\n", 2, "pos '-5' is not a 1-based position")]
    [InlineData("id\tchrom\tpos\tref\talt\nrs1\tchr7\t12x\tA\tG\n", 2, "pos '12x'")]
    [InlineData("id\tchrom\tpos\tref\talt\n#c\nrs1\tchr7\t5\tAT\tG\n", 3, "ref 'AT' is not a single base")]
    [InlineData("id\tchrom\tpos\tref\talt\nrs1\tchr7\t5\tA\tA\n", 2, "repeats the reference")]
    [InlineData("id\tchrom\tpos\tref\talt\nrs1\tchr7\t5\tA\tG\nrs1\tchr7\t6\tA\tG\n", 3, "appears twice")]
    [InlineData("id\tchrom\tpos\tref\talt\nrs1\tchr7\t5\n", 2, "column 'ref' is field 4")]
    [InlineData("id\tchrom\tpos\tref\talt\tid\n", 1, "column 'id' appears twice")]
    public void Malformed_tables_name_the_line_and_the_problem(string text, int line, string problem)
    {
        InvalidSiteTableException e = Assert.Throws<InvalidSiteTableException>(() => Read(text));
        Assert.IsAssignableFrom<InvalidInputFileException>(e);
        Assert.Equal(line, e.LineNumber);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"sites.tsv: line {line}: ", e.ToUserMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("id\tchrom\tpos\tref\talt\n")]
    public void Empty_tables_are_rejected(string text)
    {
        InvalidSiteTableException e = Assert.Throws<InvalidSiteTableException>(() => Read(text));
        Assert.Equal(0, e.LineNumber);
    }

    [Fact]
    public void Built_in_table_exists_for_grch38_only()
    {
        GermlineSiteTable? grch38 = GermlineSiteTable.BuiltInFor(GenomeBuild.GRCh38, out string? none);
        Assert.Null(none);
        Assert.Equal(["rs1045642", "rs2032582", "rs1128503", "rs699947", "rs2010963"], grch38!.Sites.Select(s => s.Id));
        Assert.Null(GermlineSiteTable.BuiltInFor(GenomeBuild.GRCh37, out string? reason));
        Assert.Contains("GRCh37", reason, StringComparison.Ordinal);
    }
}
