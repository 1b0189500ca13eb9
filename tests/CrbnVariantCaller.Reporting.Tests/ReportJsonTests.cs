using CrbnVariantCaller.Reporting.Assessment;
using System.Text.Json;
using CrbnVariantCaller.Reporting.Json;
using CrbnVariantCaller.Reporting.Model;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

public sealed class ReportJsonTests
{
    private static JsonElement Parse(SampleReport report) => JsonDocument.Parse(ReportJson.Serialize(report)).RootElement;

    private static JsonElement At(JsonElement root, string path)
    {
        JsonElement e = root;
        foreach (string part in path.Split('.'))
        {
            Assert.True(e.ValueKind == JsonValueKind.Object && e.TryGetProperty(part, out e), $"missing {path} (at '{part}')");
        }

        return e;
    }

    /// <summary>
    /// The contract's copy_number.crbn.state names the copy number alone; copy-neutral LOH (two copies) is neutral
    /// there and copy_neutral_loh in call, and a report read back keeps the call.
    /// </summary>
    [Theory]
    [InlineData(CopyNumberState.CopyNeutralLoh, "neutral", "copy_neutral_loh")]
    [InlineData(CopyNumberState.HemizygousLoss, "hemizygous_loss", "hemizygous_loss")]
    [InlineData(CopyNumberState.NotAssessable, "not_assessable", "not_assessable")]
    public void CopyNumberStateKeepsTheContractsValuesAndCallCarriesCopyNeutralLoh(CopyNumberState call, string state, string callJson)
    {
        SampleReport report = FullReportFixture.Build() with { CopyNumber = new CopyNumberSection { Crbn = new CrbnCopyNumber { Call = call, Log2Ratio = 0.01 } } };
        string json = ReportJson.Serialize(report);
        JsonElement root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(state, At(root, "copy_number.crbn.state").GetString());
        Assert.Equal(callJson, At(root, "copy_number.crbn.call").GetString());
        Assert.Equal(call, ReportJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(json)).CopyNumber.Crbn.Call);
    }

    /// <summary>A log2 ratio rounded to −0 (exon 9 of CNH_PARTIAL_E10_11 was written <c>"log2_ratio": -0</c>) is written 0.</summary>
    [Fact]
    public void NegativeZeroIsWrittenAsZero()
    {
        SampleReport report = FullReportFixture.Build() with { CopyNumber = new CopyNumberSection { Crbn = new CrbnCopyNumber { Call = CopyNumberState.Neutral, Log2Ratio = Math.Round(-0.00004, 4) } } };

        string json = ReportJson.Serialize(report);

        Assert.Contains("\"log2_ratio\": 0,", json, StringComparison.Ordinal);
        Assert.DoesNotContain("-0,", json, StringComparison.Ordinal);
        Assert.Equal(0d, ReportJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(json)).CopyNumber.Crbn.Log2Ratio);
    }

    [Fact]
    public void EveryFieldTheContractNamesIsPresentWithItsType()
    {
        JsonElement root = Parse(FullReportFixture.Build());

        Assert.Equal("1.0", At(root, "schema_version").GetString());
        Assert.Equal("DEEP_TUMOR", At(root, "sample").GetString());
        Assert.Equal("GRCh38", At(root, "genome_build").GetString());
        Assert.Equal("cpu", At(root, "tool.backend").GetString());
        Assert.Equal(JsonValueKind.String, At(root, "tool.version").ValueKind);
        Assert.Equal(JsonValueKind.String, At(root, "tool.device").ValueKind);
        Assert.Equal("opencl", At(root, "tool.fallbacks")[0].GetProperty("from").GetString());

        JsonElement variant = At(root, "variants").EnumerateArray().Single(v => v.GetProperty("hgvs_p").GetString() == "p.Trp386Arg");
        foreach (string field in new[] { "chrom", "ref", "alt", "hgvs_c", "hgvs_p", "consequence", "filter" })
        {
            Assert.Equal(JsonValueKind.String, variant.GetProperty(field).ValueKind);
        }

        foreach (string field in new[] { "pos", "vaf", "depth", "alt_reads", "ref_reads", "ref_fwd", "ref_rev", "alt_fwd", "alt_rev", "quality" })
        {
            Assert.Equal(JsonValueKind.Number, variant.GetProperty(field).ValueKind);
        }

        Assert.Equal(3151038, variant.GetProperty("pos").GetInt32());
        Assert.True(variant.GetProperty("in_drug_binding_domain").GetBoolean());
        Assert.Equal("dna", variant.GetProperty("source").GetString());
        Assert.Equal("PASS", variant.GetProperty("filter").GetString());
        Assert.False(variant.TryGetProperty("is_pass", out _));

        Assert.Equal("neutral", At(root, "copy_number.crbn.state").GetString());
        foreach (string f in new[] { "log2_ratio", "estimated_copies", "exons_affected", "method" })
        {
            At(root, "copy_number.crbn." + f);
        }

        Assert.Equal("detected", At(root, "splicing.crbn_exon10_skipping.status").GetString());
        foreach (string f in new[] { "psi_skipped", "ci_low", "ci_high", "skip_reads", "inclusion_reads", "normalisation", "reasoning" })
        {
            At(root, "splicing.crbn_exon10_skipping." + f);
        }

        Assert.Equal(3151046, At(root, "splicing.junctions")[2].GetProperty("intron_start").GetInt32());
        Assert.Equal(12, At(root, "expression.genes.CRBN.percentile").GetDouble());
        Assert.Equal(JsonValueKind.Null, At(root, "expression.genes.MYC.percentile").ValueKind);
        At(root, "expression.genes.CRBN.counts");
        At(root, "expression.genes.CRBN.tpm");

        JsonElement snp = At(root, "germline.snps")[0];
        foreach (string f in new[] { "id", "chrom", "pos", "genotype", "depth", "ref_reads", "alt_reads" })
        {
            Assert.True(snp.TryGetProperty(f, out _), f);
        }

        Assert.Equal("resistance_mechanism_detected", At(root, "assessment.overall").GetString());
        JsonElement finding = At(root, "assessment.findings")[0];
        foreach (string f in new[] { "category", "statement", "evidence", "citations" })
        {
            Assert.True(finding.TryGetProperty(f, out _), f);
        }

        Assert.NotEmpty(finding.GetProperty("citations").EnumerateArray());
        Assert.Equal("depth 40 cannot show a VAF below 0.2", At(root, "not_assessable")[0].GetProperty("why").GetString());

        foreach (string f in new[] { "mean_depth", "fraction_at_least_100x", "fraction_at_least_500x", "duplicate_rate" })
        {
            Assert.Equal(JsonValueKind.Number, At(root, "qc." + f).ValueKind);
        }

        JsonElement lod = At(root, "limit_of_detection");
        Assert.Equal(1329, lod.GetProperty("positions").GetArrayLength());
        Assert.Equal(1329, lod.GetProperty("depths").GetArrayLength());
        Assert.Equal(1329, lod.GetProperty("min_vaf").GetArrayLength());
        Assert.Equal("W380", At(root, "known_residues")[0].GetProperty("residue").GetString());
    }

    [Fact]
    public void AnEmptyReportStillHasEveryContractPathWithNotAssessableStates()
    {
        SampleReport report = new()
        {
            Sample = "S1", GenomeBuild = Core.Genome.GenomeBuild.GRCh37,
            Tool = new ToolInfo { Version = "0.1.0", Backend = "cpu", Device = "cpu" },
        };
        JsonElement root = Parse(report);

        Assert.Equal("GRCh37", At(root, "genome_build").GetString());
        Assert.Equal("not_assessable", At(root, "copy_number.crbn.state").GetString());
        Assert.Equal("not_assessable", At(root, "splicing.crbn_exon10_skipping.status").GetString());
        Assert.Equal(JsonValueKind.Null, At(root, "splicing.crbn_exon10_skipping.psi_skipped").ValueKind);
        Assert.Equal(JsonValueKind.Object, At(root, "expression.genes").ValueKind);
        Assert.Equal(JsonValueKind.Array, At(root, "germline.snps").ValueKind);
        Assert.Equal(JsonValueKind.Array, At(root, "variants").ValueKind);
        Assert.Equal("not_assessable", At(root, "assessment.overall").GetString());
        Assert.Equal(JsonValueKind.Null, At(root, "qc.mean_depth").ValueKind);
    }

    [Fact]
    public void ReadingBackGivesTheSameReport()
    {
        SampleReport report = FullReportFixture.Build("round<trip>");
        string json = ReportJson.Serialize(report);
        SampleReport back = ReportJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal(report.Variants.Count, back.Variants.Count);
        Assert.Equal(report.Variants[0].Pos, back.Variants[0].Pos);
        Assert.Equal(OverallAssessment.ResistanceMechanismDetected, back.Assessment.Overall);
        FunctionalVariant lab = Assert.Single(back.LabFunctionalVariants!.Variants);
        Assert.Equal("our_lab_crbn.tsv", back.LabFunctionalVariants.Name);
        Assert.Equal(("p.Pro350Leu", 350, "10.1000/lab.2026.1"), (lab.ProteinChange, lab.Residues[0], lab.Doi));
        Assert.Contains("\"lab_functional_variants\": {", json);
    }

    [Fact]
    public void BadEnumTextIsRejectedNotGuessed()
    {
        string json = ReportJson.Serialize(FullReportFixture.Build()).Replace("\"call\": \"neutral\"", "\"call\": \"deleted\"", StringComparison.Ordinal);
        Assert.Contains("\"deleted\"", json);
        Assert.Throws<JsonException>(() => ReportJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(json)));
    }
}
