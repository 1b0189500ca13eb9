using CrbnVariantCaller.Formats.Expression;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Expression;

public sealed class CohortAndSignatureFileTests
{
    [Fact]
    public void Cohort_tsv_round_trips_exactly_including_missing_values()
    {
        string dir = Directory.CreateTempSubdirectory("crbn-cohort-").FullName;
        try
        {
            var table = new ReferenceCohortTable(["S1", "S2", "S3"],
                new Dictionary<string, double[]>
                {
                    ["CRBN"] = [12.5, 0.1 + 0.2, double.NaN],
                    ["MYC"] = [1e-7, 123456.789, 0],
                }, "12 counted genes", "crbn cohort build (test)");
            string path = Path.Combine(dir, "cohort.tsv");
            ReferenceCohortTsv.Write(path, table);
            Assert.Single(Directory.GetFiles(dir)); // no temporary left behind
            ReferenceCohortTable back = ReferenceCohortTsv.Read(path);
            Assert.Equal(table.SampleIds, back.SampleIds);
            Assert.Equal(table.TpmByGene.Keys, back.TpmByGene.Keys);
            Assert.Equal(table.TpmByGene["CRBN"], back.TpmByGene["CRBN"]);
            Assert.Equal(table.TpmByGene["MYC"], back.TpmByGene["MYC"]);
            Assert.Equal("12 counted genes", back.TpmBasis);
            Assert.StartsWith("##crbn-reference-cohort\tversion=1\n", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("gene\tS1\nCRBN\t1\n", 1, "not a reference cohort file")]
    [InlineData("##crbn-reference-cohort\tversion=9\ngene\tS1\nCRBN\t1\n", 1, "version 9 is not supported")]
    [InlineData("##crbn-reference-cohort\tversion=1\n##units=FPKM\ngene\tS1\nCRBN\t1\n", 2, "units 'FPKM'")]
    [InlineData("##crbn-reference-cohort\tversion=1\ngene\tS1\tS2\nCRBN\t1\t-2\n", 3, "is negative")]
    [InlineData("##crbn-reference-cohort\tversion=1\n##genes=CRBN,MYC\ngene\tS1\nCRBN\t1\n", 2, "'MYC' is in the ##genes list but has no row")]
    public void Bad_cohort_files_name_the_line(string text, long line, string problem)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("crbn-cohort-bad-").FullName, "c.tsv");
        File.WriteAllText(path, text);
        var e = Assert.Throws<ExpressionTableFormatException>(() => ReferenceCohortTsv.Read(path));
        Assert.Equal(line, e.LineNumber);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }

    [Fact]
    public void The_shipped_example_signature_reads()
    {
        SignatureGeneSetFile s = SignatureGeneSetFile.Read(Path.Combine(RepoPaths.Root, "examples", "signature.example.tsv"));
        Assert.Equal("EXAMPLE-not-IMiD-14", s.Name);
        Assert.Contains(s.Entries, e => e.Adverse);
        Assert.Contains(s.Entries, e => !e.Adverse);
        Assert.All(s.Entries, e => Assert.True(e.Weight > 0));
    }

    [Theory]
    [InlineData("CRBN\tadverse\nMYC\tsideways\n", 2, "direction 'sideways'")]
    [InlineData("CRBN\tadverse\nMYC\tfavourable\tx\n", 2, "'x' is not a number")]
    [InlineData("# c\nCRBN\tadverse\nMYC\tfavourable\ncrbn\tfavourable\n", 4, "listed twice (first on line 2)")]
    [InlineData("CRBN\tadverse\nMYC\tadverse\n", 0, "at least one adverse and one favourable")]
    [InlineData("gene\tdirection\nCRBN\n", 2, "found 1 field")]
    public void Bad_signature_files_name_the_line(string text, long line, string problem)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("crbn-sig-bad-").FullName, "s.tsv");
        File.WriteAllText(path, text);
        var e = Assert.Throws<ExpressionTableFormatException>(() => SignatureGeneSetFile.Read(path));
        Assert.Equal(line, e.LineNumber);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }
}
