using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Formats.Expression;
using CrbnVariantCaller.Formats.Gtf;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Expression;

public sealed class ExpressionTableReaderTests
{
    private static string Fixture(string name) =>
        Path.Combine(RepoPaths.Root, "tests", "CrbnVariantCaller.Formats.Tests", "Expression", "Fixtures", name);

    [Fact]
    public void FeatureCounts_output_gives_one_sample_per_bam_with_counts_and_lengths()
    {
        ExpressionTable t = ExpressionTableReader.Read(Fixture("featureCounts_cohort.txt"));
        Assert.Equal(ExpressionTableFormat.FeatureCounts, t.Format);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"COHORT_{i:00}"), t.Samples.Select(s => s.Name));
        var crbn = t.Samples[0].BySymbol(BuiltInGeneModels.PanelGenes(GenomeBuild.GRCh38))["CRBN"];
        Assert.Equal(285, crbn.Counts);
        Assert.Equal(2591, crbn.Length);
        Assert.Null(crbn.Tpm);
        Assert.Equal(3, crbn.LineNumber - 4); // header on line 2, SLC16A1 line 3, ADAR 4, IL5RA 5, TRNT1 6, CRBN 7
        Assert.Equal(12, t.Samples[9].Records.Count);
    }

    [Fact]
    public void Salmon_gencode_transcripts_are_summed_to_genes()
    {
        ExpressionTable t = ExpressionTableReader.Read(Fixture("gencode_quant.sf"));
        Assert.Equal(ExpressionTableFormat.Salmon, t.Format);
        ExpressionRecord crbn = t.Samples[0].Records.Single(r => r.Id == "CRBN");
        Assert.Equal(50.0, crbn.Tpm);
        Assert.Equal(390.0, crbn.Counts);
        Assert.Equal((40 * 2372.0 + 10 * 2369.0) / 50, crbn.EffectiveLength!.Value, 9);
        Assert.Equal(120.5, t.Samples[0].Records.Single(r => r.Id == "MYC").Tpm);
        Assert.Contains("GENCODE", t.Note, StringComparison.Ordinal);
        Assert.Equal("gencode_quant", t.Samples[0].Name);
    }

    [Fact]
    public void Salmon_gene_level_table_and_transcript_map()
    {
        ExpressionTable genes = ExpressionTableReader.Read(Fixture("quant.genes.sf"));
        Assert.Equal(3.25, genes.Samples[0].Records.Single(r => r.Id == "IKZF1").Tpm);
        Assert.Equal("Fixtures", genes.Samples[0].Name); // salmon's <sample>/quant.genes.sf: named after the folder

        ExpressionTable mapped = ExpressionTableReader.Read(Fixture("quant.genes.sf"), new ExpressionTableReaderOptions
        {
            TranscriptToGene = new Dictionary<string, string> { ["CRBN"] = "G1", ["MYC"] = "G1", ["IKZF1"] = "G2" },
        });
        Assert.Equal(170.5, mapped.Samples[0].Records.Single(r => r.Id == "G1").Tpm);
    }

    [Fact]
    public void Rsem_gene_results_match_panel_symbols_through_ensembl_suffixes()
    {
        ExpressionTable t = ExpressionTableReader.Read(Fixture("sample1.genes.results"));
        Assert.Equal(ExpressionTableFormat.Rsem, t.Format);
        Assert.Equal("sample1", t.Samples[0].Name);
        IReadOnlyDictionary<string, ExpressionRecord> bySymbol = t.Samples[0].BySymbol(BuiltInGeneModels.PanelGenes(GenomeBuild.GRCh38));
        Assert.Equal(50.0, bySymbol["CRBN"].Tpm);
        Assert.Equal(850.25, bySymbol["MYC"].Counts);
        Assert.Equal(2371.2, bySymbol["CRBN"].EffectiveLength);
    }

    [Fact]
    public void Plain_matrices_csv_and_tsv()
    {
        ExpressionTable tpm = ExpressionTableReader.Read(Fixture("tpm_matrix.csv"));
        Assert.Equal(ExpressionTableFormat.Matrix, tpm.Format);
        Assert.Equal(["S1", "S2", "S3"], tpm.Samples.Select(s => s.Name));
        Assert.Equal(20.25, tpm.Samples[1].Records.Single(r => r.Id == "CRBN").Tpm);
        Assert.Contains("TPM", tpm.Note, StringComparison.Ordinal);

        ExpressionTable counts = ExpressionTableReader.Read(Fixture("count_matrix.tsv"));
        Assert.Equal(505, counts.Samples[1].Records.Single(r => r.Id == "MYC").Counts);
        Assert.Null(counts.Samples[1].Records.Single(r => r.Id == "MYC").Tpm);

        ExpressionTable forced = ExpressionTableReader.Read(Fixture("count_matrix.tsv"), new ExpressionTableReaderOptions { MatrixValues = MatrixValueKind.Tpm });
        Assert.Equal(505, forced.Samples[1].Records.Single(r => r.Id == "MYC").Tpm);

        ExpressionTable values = ExpressionTableReader.Read(Fixture("gene_values.tsv"));
        Assert.Equal(ExpressionTableFormat.GeneValues, values.Format);
        ExpressionRecord myc = values.Samples[0].Records.Single(r => r.Id == "MYC");
        Assert.Equal((80.0, 1200.0), (myc.Tpm!.Value, myc.Counts!.Value));
    }

    [Theory]
    [InlineData("bad_number.sf", 3, "'abc' is not a number")]
    [InlineData("bad_width.csv", 3, "has 2 fields, the header has 3")]
    [InlineData("duplicate_gene.tsv", 4, "gene 'CRBN' is listed twice (first on line 2)")]
    [InlineData("unknown_header.txt", 1, "unrecognised header")]
    [InlineData("one_column.tsv", 0, "no data rows")]
    public void Bad_tables_name_the_file_and_the_line(string file, long line, string problem)
    {
        var e = Assert.Throws<ExpressionTableFormatException>(() => ExpressionTableReader.Read(Fixture(file)));
        Assert.IsAssignableFrom<InvalidInputFileException>(e);
        Assert.Equal(line, e.LineNumber);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(Fixture(file) + ": " + (line > 0 ? $"line {line}: " : string.Empty), e.ToUserMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var e = Assert.Throws<ExpressionTableFormatException>(() => ExpressionTableReader.Read(Fixture("no_such_file.tsv")));
        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
    }
}
