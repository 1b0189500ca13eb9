using System.Text.Json.Nodes;
using CrbnVariantCaller.Reporting.MultiQc;
using CrbnVariantCaller.Reporting.Output;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.Workflow;

/// <summary>
/// Asserts that a workflow's output folder holds what <c>crbn batch</c> wrote: every sample's report JSON equal once the
/// <c>tool</c> object (version, backend, device, command line) is removed and the panel-of-normals path (each run builds
/// its own panel in its own folder) is cut to its file name, the panels themselves byte-identical, and
/// <c>summary.tsv</c>, <c>summary.html</c> and <c>crbn_mqc.json</c> byte-identical. Reports carry no timestamps.
/// </summary>
internal static class SameReports
{
    public static void Assert(TestdataBatch batch, string workflowOut)
    {
        Xunit.Assert.Equal(File.ReadAllBytes(batch.Pon), File.ReadAllBytes(Path.Combine(workflowOut, "panel_of_normals.tsv")));
        string[] batchReports = Directory.GetFiles(batch.OutDir, "*.report.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Xunit.Assert.Equal(13, batchReports.Length);
        Xunit.Assert.Equal(batchReports, Directory.GetFiles(workflowOut, "*.report.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string name in batchReports)
        {
            string expected = Comparable(Path.Combine(batch.OutDir, name));
            string actual = Comparable(Path.Combine(workflowOut, name));
            Xunit.Assert.True(expected == actual, $"{name} differs between crbn batch and the workflow");
        }

        foreach (string name in new[] { BatchSummaryWriter.TsvName, BatchSummaryWriter.HtmlName, MultiQcWriter.FileName })
        {
            Xunit.Assert.True(
                File.ReadAllBytes(Path.Combine(batch.OutDir, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(workflowOut, name))),
                $"{name} differs between crbn batch and the workflow");
        }
    }

    private static string Comparable(string path)
    {
        JsonObject report = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        report.Remove("tool");
        foreach (JsonNode? file in report["inputs"]!["files"]!.AsArray())
        {
            if ((string?)file!["role"] == "panel_of_normals")
            {
                file["path"] = Path.GetFileName((string?)file["path"]);
            }
        }

        return report.ToJsonString();
    }
}
