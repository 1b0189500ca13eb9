using CrbnVariantCaller.Reporting.Json;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-out-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [ToolFact("bcftools", "tabix")]
    public void WritesTheContractFilesAndTheVcfIsQueryable()
    {
        SampleReport report = FullReportFixture.Build();
        ReportFiles files = ReportWriter.WriteAll(report, ReportFixtures.Context(), _dir);

        Assert.Equal(
            ["DEEP_TUMOR.report.html", "DEEP_TUMOR.report.json", "DEEP_TUMOR.vcf.gz", "DEEP_TUMOR.vcf.gz.tbi"],
            Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(_dir, "DEEP_TUMOR.vcf.gz.tbi"), files.TabixIndex);

        using (FileStream json = File.OpenRead(files.Json))
        {
            Assert.Equal(report.Variants.Count, ReportJson.Read(json).Variants.Count);
        }

        (int code, _, string stderr) = ExternalTool.TryRun("bcftools", "norm", "--check-ref", "e", "-f", ReportFixtures.Reference, "-o", "/dev/null", files.Vcf);
        Assert.True(code == 0, stderr);
        string w380 = ExternalTool.Run("tabix", files.Vcf, "chr3:3152466-3152466");
        Assert.Contains("HGVSP=p.Trp380Gly", w380);
        Assert.Single(w380.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("<!DOCTYPE html>", File.ReadAllText(files.Html));
    }

    [ToolFact("bcftools")]
    public void PlainVcfOptionWritesIdVcf()
    {
        ReportFiles files = ReportWriter.WriteAll(FullReportFixture.Build(), ReportFixtures.Context(), _dir, new ReportWriteOptions { PlainVcf = true });
        Assert.Equal(Path.Combine(_dir, "DEEP_TUMOR.vcf"), files.Vcf);
        Assert.Null(files.TabixIndex);
        (int code, string stdout, string stderr) = ExternalTool.TryRun("bcftools", "view", "-H", files.Vcf);
        Assert.True(code == 0, stderr);
        Assert.Equal(12, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void AHostileSampleNameGivesSafeFileNamesInTheOutputFolder()
    {
        ReportFiles files = ReportWriter.WriteAll(FullReportFixture.Build("../<script>alert(1)</script>&\"'"), ReportFixtures.Context(), _dir);
        foreach (string path in new[] { files.Vcf, files.TabixIndex!, files.Json, files.Html })
        {
            Assert.Equal(_dir, Path.GetDirectoryName(path));
            Assert.True(File.Exists(path));
        }

        Assert.Equal("_.__script_alert_1___script____.report.json", Path.GetFileName(files.Json));
    }

    [Fact]
    public void ARenderingErrorWritesNothing()
    {
        SampleReport report = FullReportFixture.Build() with { Variants = [FullReportFixture.Build().Variants[0] with { Chrom = "chrNotInHeader" }] };
        Assert.Throws<ArgumentException>(() => ReportWriter.WriteAll(report, ReportFixtures.Context(), _dir));
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }
}
