using System.CommandLine;
using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Pipeline;
using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using CrbnVariantCaller.Pipeline.Inputs;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// <c>crbn demo</c>: the whole pipeline on the bundled SYNTHETIC test world (testdata/): a reference cohort built from
/// the ten cohort RNA BAMs, then the 2000x deep-panel tumour with its matched normal and an RNA sample with 20%
/// Δexon10, scored against the example signature; then a panel of normals from the four copy-number normals and a
/// tumour with a one-copy CRBN loss at purity 0.8; and a batch summary of both. Needs no arguments.
/// </summary>
public sealed class DemoCommand(
    CommandGuard guard,
    SampleAnalyzer analyzer,
    CohortBuilding cohorts,
    BackendSelector backends,
    ILoggerFactory loggers)
{
    private readonly Option<string> _out = new("--out") { Description = "Output folder.", DefaultValueFactory = _ => "crbn-demo" };
    private readonly Option<string> _device = new("--device") { Description = "Compute backend: auto (CUDA, then an OpenCL GPU, else the managed CPU), cpu, cuda, opencl or ilgpu-cpu (parity checks).", DefaultValueFactory = _ => "auto" };

    /// <summary>The System.CommandLine definition of <c>crbn demo</c>.</summary>
    public Command Build()
    {
        Command command = new("demo", "Run the whole pipeline on the bundled synthetic CRBN data and write a complete report.") { _out, _device };
        command.SetAction((parse, ct) => guard.RunAsync("demo", _ => Task.FromResult(Run(parse)), ct));
        return command;
    }

    private int Run(ParseResult parse)
    {
        string root = FindProjectRoot()
            ?? throw new UsageException("the demo data (testdata/manifest.tsv) was not found above the working directory or the crbn binary; run crbn demo from a checkout of the project.");
        string data = Path.Combine(root, "testdata");
        string outDir = CallCommand.UsableOutDir(parse.GetRequiredValue(_out));
        DeviceRequest device = CallCommand.ParseDevice(parse.GetValue(_device)!);
        string reference = Path.Combine(data, "reference", "crbn_world.GRCh38.fa.gz");
        ILogger logger = loggers.CreateLogger<DemoCommand>();
        logger.LogInformation("demo: SYNTHETIC data from {Data}", data);

        using OutputFolderLock outLock = OutputFolderLock.Acquire(outDir);
        string cohortPath = Path.Combine(outDir, "demo_cohort.tsv");
        string[] cohortBams = Directory.GetFiles(Path.Combine(data, "rna", "cohort"), "COHORT_*.bam").Order(StringComparer.Ordinal).ToArray();
        int n = cohorts.Build(cohortBams, reference, null, cohortPath, device, threads: 2, VersionAction.ToolVersion);
        logger.LogInformation("demo: reference cohort of {N} samples written to {Path}", n, cohortPath);

        SampleOutcome outcome = analyzer.Run(
            new CallRequest
            {
                DnaBam = Path.Combine(data, "dna", "deep_panel", "DEEP_TUMOR.bam"),
                NormalBam = Path.Combine(data, "dna", "deep_panel", "DEEP_NORMAL.bam"),
                RnaBam = Path.Combine(data, "rna", "exon10_psi", "RNA_PSI020.bam"),
                Reference = reference,
                Cohort = cohortPath,
                Signature = Path.Combine(root, "examples", "signature.example.tsv"),
                SampleId = "DEMO_DEEP_TUMOR",
                OutDir = outDir,
                Device = device,
                Threads = 2,
            },
            VersionAction.ToolVersion,
            "crbn demo");

        string copyNumberData = Path.Combine(data, "dna", "copy_number");
        string pon = Path.Combine(outDir, "demo_pon.tsv");
        using (ComputeEngine engine = backends.Select(new ComputeOptions { Device = device }))
        {
            new CopyNumberAnalysis(engine, loggers.CreateLogger<CopyNumberAnalysis>()).BuildPanel(
                Enumerable.Range(1, 4).Select(i => Path.Combine(copyNumberData, $"PON_N{i}.bam")).ToArray(),
                reference,
                Path.Combine(data, "reference", "panel_targets.bed"),
                pon,
                threads: 2);
        }

        SampleOutcome copyNumber = analyzer.Run(
            new CallRequest
            {
                DnaBam = Path.Combine(copyNumberData, "CN_LOSS_P80.bam"),
                Reference = reference,
                PanelOfNormals = pon,
                SampleId = "DEMO_CN_LOSS_P80",
                OutDir = outDir,
                Device = device,
                Threads = 2,
            },
            VersionAction.ToolVersion,
            "crbn demo");

        (string summaryTsv, _) = BatchSummaryWriter.Write(
            [
                new BatchSampleOutcome(outcome.Report.Sample, BatchSampleStatus.Completed, outcome.Report),
                new BatchSampleOutcome(copyNumber.Report.Sample, BatchSampleStatus.Completed, copyNumber.Report),
            ],
            outDir);

        TextWriter output = parse.InvocationConfiguration.Output;
        foreach (SampleOutcome sample in new[] { outcome, copyNumber })
        {
            output.WriteLine($"{sample.Report.Sample}: {Snake(sample.Report.Assessment.Overall)}");
            foreach (var finding in sample.Report.Assessment.Findings)
            {
                output.WriteLine($"  - [{Snake(finding.Category)}] {finding.Statement}");
            }

            output.WriteLine($"  wrote {sample.Files.Json}, {Path.GetFileName(sample.Files.Html)}, {Path.GetFileName(sample.Files.Vcf)}");
        }

        output.WriteLine($"batch summary: {summaryTsv}");
        return ExitCodes.Success;
    }

    /// <summary>An enum value in the report's vocabulary (<c>resistance_mechanism_detected</c>).</summary>
    private static string Snake<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The first folder holding testdata/manifest.tsv, above the working directory or the binary.</summary>
    private static string? FindProjectRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "testdata", "manifest.tsv")))
                {
                    return d.FullName;
                }
            }
        }

        return null;
    }
}
