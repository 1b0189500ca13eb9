using System.Globalization;
using System.Text.Json;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>
/// <c>crbn cohort build</c> over the ten cohort RNA BAMs, then <c>crbn call --rna RNA_PSI020.bam --cohort</c> with the
/// written TSV: every biomarker gene gets a percentile, which equals the mid-rank percentile of the sample's TPM among
/// the TSV's values for that gene.
/// </summary>
public sealed class CohortTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-e2e-cohort-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CohortBuildThenCallGivesPercentilesAgainstTheWrittenCohort()
    {
        string[] bams = Directory.GetFiles(CrbnRun.TestData("rna/cohort"), "COHORT_*.bam").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(10, bams.Length);

        string tsv = Path.Combine(_dir, "cohort.tsv");
        (int code, string stdout, string stderr) = CrbnProcess.Run(["cohort", "build", "--rna", .. bams, "--reference", CrbnRun.Reference, "--out", tsv]);
        Assert.True(code == 0, stderr);
        Assert.Contains("10 samples", stdout, StringComparison.Ordinal);
        Assert.StartsWith("##crbn-reference-cohort\tversion=1", File.ReadLines(tsv).First(), StringComparison.Ordinal);
        Dictionary<string, double[]> table = ReadCohort(tsv);

        using CrbnRun call = CrbnRun.Call("--rna", CrbnRun.TestData("rna/exon10_psi/RNA_PSI020.bam"), "--cohort", tsv);
        ReportContract.AssertComplete(call.Report, "RNA_PSI020", withRna: true);
        JsonElement expression = call.Report.GetProperty("expression");
        Assert.NotEqual(JsonValueKind.Null, expression.GetProperty("percentile_reference").ValueKind);
        foreach (string gene in new[] { "CRBN", "IKZF1", "IKZF3", "BSG", "SLC16A1", "ADAR", "MIR22HG", "MYC" })
        {
            JsonElement g = expression.GetProperty("genes").GetProperty(gene);
            Assert.Equal(JsonValueKind.Number, g.GetProperty("percentile").ValueKind);
            double percentile = g.GetProperty("percentile").GetDouble();
            Assert.InRange(percentile, 0.0, 100.0);

            // Mid-rank percentile 100 x (below + equal/2) / N of the sample's TPM among the cohort's TPMs.
            double tpm = g.GetProperty("tpm").GetDouble();
            double[] reference = table[gene];
            double expected = 100.0 * (reference.Count(x => x < tpm) + (reference.Count(x => x == tpm) / 2.0)) / reference.Length;
            Assert.Equal(expected, percentile, 6);
        }

        Assert.DoesNotContain(call.Report.GetProperty("not_assessable").EnumerateArray(), i => i.GetProperty("what").GetString()!.Contains("percentile", StringComparison.Ordinal));
    }

    /// <summary>gene → TPM per cohort sample, from the TSV's header row on (lines starting with ## are metadata).</summary>
    private static Dictionary<string, double[]> ReadCohort(string path)
    {
        string[] rows = File.ReadLines(path).Where(l => !l.StartsWith("##", StringComparison.Ordinal) && l.Length > 0).ToArray();
        string[] header = rows[0].Split('\t');
        Assert.Equal("gene", header[0]);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"COHORT_{i:00}"), header.Skip(1));
        return rows.Skip(1).Select(r => r.Split('\t')).ToDictionary(
            f => f[0],
            f => f.Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray(),
            StringComparer.Ordinal);
    }
}
