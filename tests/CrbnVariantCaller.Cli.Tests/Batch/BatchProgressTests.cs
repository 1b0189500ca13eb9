using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.Batch;

/// <summary>
/// <c>crbn batch</c> progress: a live Spectre.Console display when stderr is a terminal (a pseudo-terminal from
/// util-linux <c>script</c>), plain log lines and no escape codes when stderr is redirected.
/// </summary>
public sealed class BatchProgressTests : IDisposable
{
    private static readonly string Reference = Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-progress-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [ToolFact("script")]
    public void Terminal_gets_the_live_display_and_a_redirected_stderr_gets_plain_lines()
    {
        string sheet = Path.Combine(_dir, "samples.csv");
        File.WriteAllLines(sheet, [
            "sample,dna,rna",
            $"DEEP,{Path.Combine(RepoPaths.TestData, "dna", "deep_panel", "DEEP_TUMOR.bam")},",
            $"P020,,{Path.Combine(RepoPaths.TestData, "rna", "exon10_psi", "RNA_PSI020.bam")}",
            "GONE,missing.bam,",
        ]);
        string dll = Path.Combine(AppContext.BaseDirectory, "crbn.dll");
        string command = string.Join(' ', new[] { "dotnet", dll, "batch", "--samples", sheet, "--reference", Reference, "--out", Path.Combine(_dir, "tty"), "--device", "cpu" }.Select(Quote));
        string typescript = Path.Combine(_dir, "typescript");

        var (exit, _, stderr) = ExternalTool.TryRun("script", "-qec", command, typescript);

        Assert.True(exit == 3, $"exit {exit}\n{stderr}");
        string screen = File.ReadAllText(typescript);
        Assert.Contains("3/3 samples: 2 completed, ", screen, StringComparison.Ordinal);
        Assert.Contains("1 failed", screen, StringComparison.Ordinal);
        Assert.Contains("100%", screen, StringComparison.Ordinal);
        Assert.Contains("\u001b[", screen, StringComparison.Ordinal);
        Assert.DoesNotContain(": running (sheet line", screen, StringComparison.Ordinal);
        Assert.Contains("GONE: failed", screen, StringComparison.Ordinal); // the warning still reaches the terminal
        Assert.Contains("3 samples, 1 failed; summary:", screen, StringComparison.Ordinal);

        (exit, _, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--out", Path.Combine(_dir, "plain"), "--device", "cpu");

        Assert.True(exit == 3, $"exit {exit}\n{stderr}");
        Assert.Contains("[1/3] DEEP: running (sheet line 2)", stderr, StringComparison.Ordinal);
        Assert.Contains("[2/3] P020: completed in ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("samples: 2 completed", stderr, StringComparison.Ordinal);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
