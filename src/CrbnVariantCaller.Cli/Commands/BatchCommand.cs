using System.CommandLine;
using CrbnVariantCaller.Cli.Progress;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Pipeline;
using CrbnVariantCaller.Pipeline.Batch;
using CrbnVariantCaller.Reporting.Assessment;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// <c>crbn batch</c>: every sample of a sample sheet (format: Formats/SampleSheet/README.md) through <c>crbn call</c>
/// into one folder, then <c>summary.tsv</c> and <c>summary.html</c>. Exit code 2 when the sheet is malformed (before any
/// sample runs), 3 when the batch finished but some samples failed, 0 when all succeeded. On a terminal the progress is a
/// live display (<see cref="BatchProgressDisplay"/>); otherwise it is the plain log lines.
/// </summary>
public sealed class BatchCommand(CommandGuard guard, SampleAnalyzer analyzer, BackendSelector backends, ILoggerFactory loggers)
{
    private readonly Option<string> _samples = new("--samples") { Description = "Sample sheet CSV: sample,dna,normal,rna,expression,annotation,cohort,signature (paths relative to the sheet).", Required = true };
    private readonly Option<string> _reference = new("--reference") { Description = "Reference FASTA (.fa with .fai, or .fa.gz with .fai and .gzi).", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "Output folder for every sample's files and the batch summary.", Required = true };
    private readonly Option<int> _jobs = new("--jobs", "-j") { Description = "Samples analysed in parallel.", DefaultValueFactory = _ => 1 };
    private readonly Option<bool> _resume = new("--resume") { Description = "Skip samples whose ID.report.json already exists in --out and parses; they are still summarised." };
    private readonly Option<string> _device = new("--device") { Description = "Compute backend: auto (CUDA, then an OpenCL GPU, else the managed CPU), cpu, cuda, opencl or ilgpu-cpu (parity checks).", DefaultValueFactory = _ => "auto" };
    private readonly Option<int> _threads = new("--threads", "-@") { Description = "BGZF decompression threads per sample.", DefaultValueFactory = _ => 1 };
    private readonly Option<bool> _plainVcf = new("--plain-vcf") { Description = "Write ID.vcf instead of ID.vcf.gz + .tbi." };
    private readonly Option<string?> _pon = new("--pon") { Description = "Copy-number panel of normals (crbn pon) for every DNA sample." };
    private readonly Option<string?> _germlineSites = new("--germline-sites") { Description = "Germline site table for every sample." };
    private readonly Option<string?> _exon10Cohort = new("--exon10-cohort")
    {
        Description = CallCommand.Exon10CohortHelp + " Used for every sample whose sheet row has no exon10_cohort; the batch itself is never used as the Δexon10 cohort.",
    };
    private readonly Option<string?> _functionalVariants = new("--functional-variants")
    {
        Description = CallCommand.FunctionalVariantsHelp + " Used for every sample whose sheet row has no functional_variants.",
    };

    /// <summary>The System.CommandLine definition of <c>crbn batch</c>.</summary>
    public Command Build()
    {
        Command command = new("batch", "Run many samples from a sample sheet and write a batch summary (summary.tsv, summary.html).")
        {
            _samples, _reference, _out, _jobs, _resume, _device, _threads, _plainVcf, _pon, _germlineSites, _exon10Cohort, _functionalVariants,
        };
        command.SetAction((parse, ct) => guard.RunAsync("batch", token => Task.FromResult(Run(parse, token)), ct));
        return command;
    }

    private int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        int jobs = parse.GetValue(_jobs);
        if (jobs < 1)
        {
            throw new UsageException($"--jobs must be at least 1 (got {jobs}).");
        }

        string sheetPath = CallCommand.ExistingFile(parse.GetRequiredValue(_samples))!;
        SampleSheet sheet = SampleSheetReader.Read(sheetPath);
        var request = new BatchRequest
        {
            Sheet = sheet,
            Reference = Path.GetFullPath(CallCommand.ExistingFile(parse.GetRequiredValue(_reference))!),
            OutDir = parse.GetRequiredValue(_out),
            Jobs = jobs,
            Resume = parse.GetValue(_resume),
            Device = CallCommand.ParseDevice(parse.GetValue(_device)!),
            Threads = CallCommand.PositiveThreads(parse.GetValue(_threads)),
            PlainVcf = parse.GetValue(_plainVcf),
            PanelOfNormals = CallCommand.ExistingFile(parse.GetValue(_pon)),
            GermlineSites = CallCommand.ExistingFile(parse.GetValue(_germlineSites)),
            Exon10Cohort = CallCommand.ReadExon10Cohort(parse.GetValue(_exon10Cohort)),
            SheetExon10Cohorts = SheetExon10Cohorts(sheet),
            FunctionalVariants = CallCommand.ReadFunctionalVariants(parse.GetValue(_functionalVariants)),
            SheetFunctionalVariants = SheetFunctionalVariants(sheet),
        };

        using OutputFolderLock outLock = OutputFolderLock.Acquire(request.OutDir);
        var runner = new BatchRunner(analyzer, backends, loggers);
        string commandLine = string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Prepend("crbn"));
        BatchResult result = BatchProgressDisplay.IsTerminal
            ? BatchProgressDisplay.Show(request.Sheet.Entries.Count, progress => runner.Run(request, VersionAction.ToolVersion, commandLine, cancellationToken, progress))
            : runner.Run(request, VersionAction.ToolVersion, commandLine, cancellationToken);
        parse.InvocationConfiguration.Output.WriteLine(
            $"{result.Outcomes.Count} samples, {result.Failed} failed; summary: {result.SummaryTsv}");
        return result.AllSucceeded ? ExitCodes.Success : ExitCodes.PartialBatch;
    }

    /// <summary>Every cohort the sheet's <c>exon10_cohort</c> column names, read before any sample runs (a bad one is exit 2, naming it).</summary>
    internal static IReadOnlyDictionary<string, Exon10Cohort> SheetExon10Cohorts(SampleSheet sheet) =>
        ReadEachNamed(sheet, e => e.Exon10Cohort, CallCommand.ReadExon10Cohort);

    /// <summary>Every table the sheet's <c>functional_variants</c> column names, read before any sample runs (a bad one is exit 2, naming it and the line).</summary>
    internal static IReadOnlyDictionary<string, FunctionalVariantTable> SheetFunctionalVariants(SampleSheet sheet) =>
        ReadEachNamed(sheet, e => e.FunctionalVariants, CallCommand.ReadFunctionalVariants);

    /// <summary>Each distinct file a sheet column names, read once, by the path as written.</summary>
    private static Dictionary<string, T> ReadEachNamed<T>(SampleSheet sheet, Func<SampleSheetEntry, string?> column, Func<string?, T?> read)
        where T : class =>
        sheet.Entries.Select(column).OfType<string>().Distinct(StringComparer.Ordinal)
            .ToDictionary(path => path, path => read(path)!, StringComparer.Ordinal);
}
