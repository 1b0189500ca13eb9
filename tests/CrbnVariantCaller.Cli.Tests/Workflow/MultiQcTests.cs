using System.Text.Json.Nodes;
using CrbnVariantCaller.Reporting.MultiQc;
using CrbnVariantCaller.Reporting.Output;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.Workflow;

/// <summary>
/// MultiQC (Debian 1.14) on a <c>crbn batch</c> folder finds <c>crbn_mqc.json</c> ("crbn: Found 13 General Statistics columns") and puts the crbn columns of every
/// sample into its General Statistics data (<c>multiqc_data/multiqc_data.json</c>), with the summary's values.
/// (The workflow writes the same file byte for byte: <see cref="WorkflowTests"/>.)
/// </summary>
public sealed class MultiQcTests(TestdataBatch batch) : IClassFixture<TestdataBatch>
{
    [ToolFact("multiqc")]
    public void MultiQc_parses_the_crbn_section_with_every_sample()
    {
        string report = Path.Combine(batch.Root, "multiqc");
        var (exit, log) = SnakemakeRun.Run("multiqc", batch.Root, new Dictionary<string, string>(), [batch.OutDir, "-o", report, "--data-format", "json", "--no-ansi"]);
        Assert.True(exit == 0, $"multiqc exited {exit}:\n{log}");
        Assert.True(File.Exists(Path.Combine(report, "multiqc_report.html")));
        Assert.Contains("crbn: Found 13 General Statistics columns", log, StringComparison.Ordinal);

        JsonObject data = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "multiqc_data", "multiqc_data.json")))!.AsObject();
        string[][] summary = File.ReadAllLines(Path.Combine(batch.OutDir, BatchSummaryWriter.TsvName)).Skip(1).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(13, summary.Length);

        // The crbn section: General Statistics columns in the crbn namespace, read from crbn_mqc.json (MultiQC's own id for them).
        JsonObject saved = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "multiqc_data", "multiqc_general_stats.json")))!.AsObject();
        Assert.Equal(summary.Select(r => r[0]).Order(), saved.Select(r => r.Key).Order());
        Assert.All(saved, r => Assert.Contains($"crbn_mqc-generalstats-{MultiQcWriter.SectionId}-status", r.Value!.AsObject().Select(c => c.Key)));

        // Its General Statistics columns, and one row per sample with the summary's cells.
        JsonArray headers = data["report_general_stats_headers"]!.AsArray();
        JsonArray stats = data["report_general_stats_data"]!.AsArray();
        int section = Enumerable.Range(0, headers.Count).Single(i => headers[i]!.AsObject().ContainsKey("key_findings"));
        Assert.Equal(MultiQcWriter.Columns.Select(c => c.Column).Order(), headers[section]!.AsObject().Select(h => h.Key).Order());
        Assert.All(headers[section]!.AsObject(), h => Assert.Equal(MultiQcWriter.SectionId, (string)h.Value!["namespace"]!));
        JsonObject rows = stats[section]!.AsObject();
        Assert.Equal(summary.Select(r => r[0]).Order(), rows.Select(r => r.Key).Order());
        foreach (string[] row in summary)
        {
            JsonObject parsed = rows[row[0]]!.AsObject();
            Assert.Equal(row[Column("status")], (string)parsed["status"]!);
            Assert.Equal(row[Column("overall")], (string)parsed["overall"]!);
            Assert.Equal(row[Column("backend")], (string)parsed["backend"]!);
            Assert.Equal(row[Column("copy_number")], (string)parsed["copy_number"]!);
            Assert.Equal(row[Column("key_findings")], parsed["key_findings"] is { } findings ? (string)findings! : "");
            if (row[Column("mean_depth")].Length > 0)
            {
                Assert.Equal(double.Parse(row[Column("mean_depth")], System.Globalization.CultureInfo.InvariantCulture), (double)parsed["mean_depth"]!, 9);
            }

            if (row[Column("psi_skipped")].Length > 0)
            {
                Assert.Equal(double.Parse(row[Column("psi_skipped")], System.Globalization.CultureInfo.InvariantCulture), (double)parsed["psi_skipped"]!, 9);
            }
        }

        Assert.Contains(rows, r => r.Value!["psi_skipped"] is not null);
        Assert.Contains(rows, r => r.Value!["mean_depth"] is not null);
    }

    private static int Column(string name) => BatchSummaryWriter.Columns.ToList().IndexOf(name);
}
