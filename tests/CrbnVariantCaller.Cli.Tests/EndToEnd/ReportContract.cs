using System.Text.Json;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>A <c>variants[]</c> entry of the report, with the contract's fields.</summary>
internal sealed record ReportedVariant(
    string Chrom,
    long Pos,
    string Ref,
    string Alt,
    double Vaf,
    int Depth,
    int AltReads,
    string HgvsC,
    string HgvsP,
    string Consequence,
    string Filter,
    bool InDrugBindingDomain,
    string? Source)
{
    public bool IsPass => Filter == "PASS";

    /// <summary>chrom:pos ref>alt, as <see cref="TruthVariant.Key"/>.</summary>
    public string Key => $"{Chrom}:{Pos} {Ref}>{Alt}";
}

/// <summary>
/// Checks a report JSON against shared/contracts/OUTPUTS.md: every field the evaluation reads is present, with the
/// named type and, for enumerations, one of the named values.
/// </summary>
internal static class ReportContract
{
    public static readonly string[] CopyNumberStates = ["neutral", "hemizygous_loss", "homozygous_loss", "partial_loss", "gain", "not_assessable"];
    public static readonly string[] SplicingStatuses = ["detected", "not_detected", "not_assessable"];
    public static readonly string[] Overall = ["resistance_mechanism_detected", "possible", "none_detected", "not_assessable"];

    /// <summary>The variants[] of a report.</summary>
    public static IReadOnlyList<ReportedVariant> Variants(JsonElement report) =>
        report.GetProperty("variants").EnumerateArray().Select(v => new ReportedVariant(
            v.GetProperty("chrom").GetString()!,
            v.GetProperty("pos").GetInt64(),
            v.GetProperty("ref").GetString()!,
            v.GetProperty("alt").GetString()!,
            v.GetProperty("vaf").GetDouble(),
            v.GetProperty("depth").GetInt32(),
            v.GetProperty("alt_reads").GetInt32(),
            v.GetProperty("hgvs_c").GetString()!,
            v.GetProperty("hgvs_p").GetString()!,
            v.GetProperty("consequence").GetString()!,
            v.GetProperty("filter").GetString()!,
            v.GetProperty("in_drug_binding_domain").GetBoolean(),
            v.TryGetProperty("source", out JsonElement s) ? s.GetString() : null)).ToList();

    /// <summary>The PASS variants in CRBN (on chr3 inside the gene span).</summary>
    public static IReadOnlyList<ReportedVariant> PassCrbnVariants(JsonElement report) =>
        Variants(report).Where(v => v.IsPass && v.Chrom == "chr3" && v.Pos is >= 3_143_000 and <= 3_180_000).ToList();

    /// <summary>crbn_exon10_skipping of the report.</summary>
    public static JsonElement Exon10(JsonElement report) => report.GetProperty("splicing").GetProperty("crbn_exon10_skipping");

    /// <summary>Asserts every contract field; RNA sections are checked in depth when <paramref name="withRna"/>.</summary>
    public static void AssertComplete(JsonElement report, string expectedSample, bool withRna)
    {
        Assert.StartsWith("1.", Str(report, "schema_version"), StringComparison.Ordinal);
        Assert.Equal(expectedSample, Str(report, "sample"));
        Assert.Equal("GRCh38", Str(report, "genome_build"));

        JsonElement tool = report.GetProperty("tool");
        Assert.Matches(@"^\d+\.\d+\.\d+", Str(tool, "version"));
        Assert.Contains(Str(tool, "backend"), new[] { "cpu", "opencl", "cuda" });
        Assert.False(string.IsNullOrWhiteSpace(Str(tool, "device")));

        foreach (JsonElement v in report.GetProperty("variants").EnumerateArray())
        {
            foreach (string name in new[] { "chrom", "ref", "alt", "hgvs_c", "hgvs_p", "consequence", "filter" })
            {
                Assert.False(string.IsNullOrEmpty(Str(v, name)), $"variants[].{name} is empty");
            }

            Assert.True(v.GetProperty("pos").GetInt64() > 0);
            double vaf = v.GetProperty("vaf").GetDouble();
            Assert.InRange(vaf, 0.0, 1.0);
            int depth = v.GetProperty("depth").GetInt32();
            int alt = v.GetProperty("alt_reads").GetInt32();
            Assert.InRange(alt, 0, depth);
            Assert.True(v.GetProperty("in_drug_binding_domain").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }

        JsonElement cn = report.GetProperty("copy_number").GetProperty("crbn");
        Assert.Contains(Str(cn, "state"), CopyNumberStates);
        AssertPresent(cn, "log2_ratio", "estimated_copies", "method");
        Assert.Equal(JsonValueKind.Array, cn.GetProperty("exons_affected").ValueKind);

        JsonElement exon10 = Exon10(report);
        Assert.Contains(Str(exon10, "status"), SplicingStatuses);
        AssertPresent(exon10, "psi_skipped", "ci_low", "ci_high", "skip_reads", "inclusion_reads");

        JsonElement genes = report.GetProperty("expression").GetProperty("genes");
        Assert.Equal(JsonValueKind.Object, genes.ValueKind);
        if (withRna)
        {
            JsonElement crbn = genes.GetProperty("CRBN");
            Assert.True(crbn.GetProperty("counts").GetDouble() > 0);
            Assert.True(crbn.GetProperty("tpm").GetDouble() > 0);
            AssertPresent(crbn, "percentile");
            Assert.Equal(JsonValueKind.Number, exon10.GetProperty("skip_reads").ValueKind);
            Assert.Equal(JsonValueKind.Number, exon10.GetProperty("inclusion_reads").ValueKind);
        }

        foreach (JsonElement snp in report.GetProperty("germline").GetProperty("snps").EnumerateArray())
        {
            Assert.StartsWith("rs", Str(snp, "id"), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(Str(snp, "chrom")));
            Assert.True(snp.GetProperty("pos").GetInt64() > 0);
            Assert.Matches(@"^(\.|\d+)[/|](\.|\d+)$", Str(snp, "genotype"));
            Assert.True(snp.GetProperty("depth").GetInt32() >= 0);
        }

        JsonElement assessment = report.GetProperty("assessment");
        Assert.Contains(Str(assessment, "overall"), Overall);
        foreach (JsonElement finding in assessment.GetProperty("findings").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(Str(finding, "category")));
            Assert.False(string.IsNullOrEmpty(Str(finding, "statement")));
            AssertPresent(finding, "evidence");
            Assert.Equal(JsonValueKind.Array, finding.GetProperty("citations").ValueKind);
        }

        foreach (JsonElement item in report.GetProperty("not_assessable").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(Str(item, "what")));
            Assert.False(string.IsNullOrEmpty(Str(item, "why")));
        }
    }

    private static string Str(JsonElement e, string name)
    {
        Assert.True(e.TryGetProperty(name, out JsonElement v), $"missing field '{name}'");
        Assert.True(v.ValueKind == JsonValueKind.String, $"'{name}' is {v.ValueKind}, not a string");
        return v.GetString()!;
    }

    private static void AssertPresent(JsonElement e, params string[] names)
    {
        foreach (string name in names)
        {
            Assert.True(e.TryGetProperty(name, out _), $"missing field '{name}'");
        }
    }
}
