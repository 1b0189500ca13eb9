using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

public sealed class BatchSummaryWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OneRowPerSampleWithFindingsQcAndStatus()
    {
        BatchSampleOutcome ok = new("DEEP_TUMOR", BatchSampleStatus.Completed, FullReportFixture.Build());
        BatchSampleOutcome failed = new("<bad>\tname", BatchSampleStatus.Failed, null, "x.bam: not a BAM file\n(magic)");
        (string tsv, string html) = BatchSummaryWriter.Write([ok, failed], _dir);

        string[] lines = File.ReadAllLines(tsv);
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Join('\t', BatchSummaryWriter.Columns), lines[0]);
        string[][] rows = [.. lines.Skip(1).Select(l => l.Split('\t'))];
        Assert.All(rows, r => Assert.Equal(BatchSummaryWriter.Columns.Count, r.Length));

        Dictionary<string, string> first = BatchSummaryWriter.Columns.Zip(rows[0]).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("completed", first["status"]);
        Assert.Equal("resistance_mechanism_detected", first["overall"]);
        Assert.Contains("p.Trp380Gly (0.021, dna)", first["pass_variants"]);
        Assert.DoesNotContain("p.His353Arg", first["pass_variants"]);
        Assert.Equal("detected", first["exon10_status"]);
        Assert.Equal("0.2", first["psi_skipped"]);
        Assert.Equal("12", first["crbn_percentile"]);
        Assert.Equal("1990.5", first["mean_depth"]);
        // One short line per raising finding, never the full sentences (issue #13, deliver 8).
        Assert.Contains("p.Trp380Gly 2.1%", first["key_findings"]);
        Assert.Contains("Δexon10 PSI 0.2", first["key_findings"]);
        Assert.DoesNotContain("likely IMiD resistance mechanism", first["key_findings"]);
        Assert.All(first["key_findings"].Split(" · "), line => Assert.True(line.Length <= 40, line));

        Assert.Equal("<bad> name", rows[1][0]);
        Assert.Equal("failed", rows[1][1]);
        Assert.Equal("x.bam: not a BAM file (magic)", rows[1][^1]);

        string page = File.ReadAllText(html);
        Assert.Contains("&lt;bad&gt;", page);
        Assert.DoesNotContain("<bad>", page);
        Assert.Contains("1 failed", page);
        Assert.Contains($"<a href=\"{Path.GetFileName(OutputNames.ForSample(ok.Report!.Sample).Html)}\">", page);
        Assert.Contains("<br>Δexon10 PSI 0.2", page);
    }
}
