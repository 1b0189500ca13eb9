using System.Text.Json;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>
/// One real <c>crbn</c> process run (through <see cref="CrbnProcess"/>) writing into its own temporary output folder,
/// with the report JSON parsed on demand. The folder is deleted on dispose.
/// </summary>
internal sealed class CrbnRun : IDisposable
{
    private readonly string _root;
    private JsonDocument? _report;

    private CrbnRun(string root, string outDir, (int ExitCode, string Stdout, string Stderr) result)
    {
        _root = root;
        OutDir = outDir;
        (ExitCode, Stdout, Stderr) = result;
    }

    /// <summary>The synthetic reference all testdata BAMs were aligned to.</summary>
    public static string Reference => TestData("reference/crbn_world.GRCh38.fa.gz");

    /// <summary>The <c>--out</c> folder given to crbn.</summary>
    public string OutDir { get; }

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    /// <summary>The report JSON's root element (the single <c>*.report.json</c> in <see cref="OutDir"/>).</summary>
    public JsonElement Report => (_report ??= JsonDocument.Parse(File.ReadAllText(ReportJsonPath))).RootElement;

    /// <summary>The single <c>*.report.json</c> written, failing the test (with crbn's stderr) when there is none.</summary>
    public string ReportJsonPath
    {
        get
        {
            Assert.True(ExitCode == 0, $"crbn exited {ExitCode}; stderr:\n{Stderr}");
            string[] reports = Directory.GetFiles(OutDir, "*.report.json");
            Assert.True(reports.Length == 1, $"expected one report.json in {OutDir}, found {reports.Length}");
            return reports[0];
        }
    }

    /// <summary>The file-name prefix of the outputs (<c>ID</c> in <c>ID.report.json</c>).</summary>
    public string Prefix => Path.GetFileName(ReportJsonPath)[..^".report.json".Length];

    /// <summary>A written output by suffix, e.g. <c>.vcf.gz</c>.</summary>
    public string Output(string suffix) => Path.Combine(OutDir, Prefix + suffix);

    /// <summary>
    /// The line in which the CLI reports the failure (<c>crbn COMMAND: ...</c>), as opposed to log lines; empty when
    /// there is none.
    /// </summary>
    public string ErrorLine =>
        Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.StartsWith("crbn", StringComparison.Ordinal)) ?? string.Empty;

    /// <summary>
    /// Runs <c>crbn ARGS --out DIR</c> with a fresh, already existing, empty DIR (so a failing run can be checked
    /// for leftovers), adding <c>--reference</c> to <c>call</c> unless the caller gave one or asked not to.
    /// </summary>
    public static CrbnRun Start(string command, IEnumerable<string> args, bool addReference = true)
    {
        string root = Directory.CreateTempSubdirectory("crbn-e2e-").FullName;
        string outDir = Path.Combine(root, "out");
        Directory.CreateDirectory(outDir);
        List<string> all = [.. command.Split(' '), .. args];
        if (addReference && !all.Contains("--reference"))
        {
            all.AddRange(["--reference", Reference]);
        }

        all.AddRange(["--out", outDir]);
        return new CrbnRun(root, outDir, CrbnProcess.Run([.. all]));
    }

    /// <summary><c>crbn call</c> with the given inputs and the testdata reference.</summary>
    public static CrbnRun Call(params string[] args) => Start("call", args);

    /// <summary>A path under <c>testdata/</c>.</summary>
    public static string TestData(string relative) => Path.Combine(RepoPaths.TestData, relative);

    /// <summary>Every file under the output folder, recursively (temporary names included).</summary>
    public IReadOnlyList<string> FilesWritten() =>
        Directory.Exists(OutDir) ? Directory.GetFiles(OutDir, "*", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        _report?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
