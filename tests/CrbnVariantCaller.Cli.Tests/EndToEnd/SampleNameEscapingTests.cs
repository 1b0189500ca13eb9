using System.Text.RegularExpressions;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>One <c>crbn call --sample '&lt;script&gt;alert(1)&lt;/script&gt;&amp;"'</c> run shared by <see cref="SampleNameEscapingTests"/>.</summary>
public sealed class HostileSampleRun : IDisposable
{
    internal const string Hostile = "<script>alert(1)</script>&\"";

    internal CrbnRun Run { get; } = CrbnRun.Call("--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam"), "--sample", Hostile);

    public void Dispose() => Run.Dispose();
}

/// <summary>A hostile <c>--sample</c> reaches the HTML only escaped, the JSON verbatim, and the file system only as a safe name.</summary>
public sealed class SampleNameEscapingTests(HostileSampleRun fixture) : IClassFixture<HostileSampleRun>
{
    private const string Hostile = HostileSampleRun.Hostile;

    private CrbnRun Run => fixture.Run;

    [Fact]
    public void HtmlHoldsTheEscapedNameAndNeverTheRawScript()
    {
        string html = File.ReadAllText(Run.Output(".report.html"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(1)</script>", html, StringComparison.OrdinalIgnoreCase);

        // One self-contained file: nothing loaded over the network.
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void JsonKeepsTheNameVerbatim() =>
        Assert.Equal(Hostile, Run.Report.GetProperty("sample").GetString());

    [Fact]
    public void OutputFilesHaveSafeNamesInsideTheOutputFolder()
    {
        IReadOnlyList<string> files = Run.FilesWritten();
        Assert.Equal(4, files.Count);
        foreach (string file in files)
        {
            Assert.Equal(Run.OutDir, Path.GetDirectoryName(file));
            Assert.Matches(@"^[A-Za-z0-9._-]+$", Path.GetFileName(file));
        }

        Assert.Equal(
            new[] { ".report.html", ".report.json", ".vcf.gz", ".vcf.gz.tbi" },
            files.Select(f => Path.GetFileName(f)[Run.Prefix.Length..]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Directory.GetParent(Run.OutDir)!.GetFileSystemInfos(), i => i.FullName != Run.OutDir);
    }

    [ToolFact("bcftools")]
    public void VcfWithTheNameAsSampleColumnPassesBcftools()
    {
        VcfChecks.AssertPassesBcftools(Run.Output(".vcf.gz"));
        Assert.Equal(Hostile, ExternalTool.Run("bcftools", "query", "-l", Run.Output(".vcf.gz")).TrimEnd('\n'));
    }
}
