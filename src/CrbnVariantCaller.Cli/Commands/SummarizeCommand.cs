using System.CommandLine;
using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Pipeline.Batch;
using CrbnVariantCaller.Reporting.Model;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// <c>crbn summarize</c>: what <c>crbn batch</c> does after its samples, for a folder where something else (the Snakemake
/// workflow, a scheduler) ran <c>crbn call --sample ID --out DIR</c> for every sheet row: expression percentiles against
/// the batch, then <c>summary.tsv</c> and <c>summary.html</c>, with the same code as the batch (<see cref="BatchSummary"/>).
/// A row without a usable <c>ID.report.json</c> is a failed sample (exit code 3), as in the batch.
/// </summary>
public sealed class SummarizeCommand(CommandGuard guard, ILoggerFactory loggers)
{
    /// <summary>The values of <c>--step</c>.</summary>
    public static IReadOnlyList<string> Steps { get; } = ["all", "percentiles", "summary"];

    private readonly Option<string> _samples = new("--samples") { Description = "The sample sheet the reports were made from (sheet order and batch-percentile groups).", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "The folder holding every sample's ID.report.json; the summary is written there.", Required = true };
    private readonly Option<string> _step = new("--step") { Description = "all (as crbn batch: percentiles, then summary), percentiles (rank expression against the batch only) or summary (summary files only).", DefaultValueFactory = _ => "all" };

    /// <summary>The System.CommandLine definition of <c>crbn summarize</c>.</summary>
    public Command Build()
    {
        _step.AcceptOnlyFromAmong([.. Steps]);
        Command command = new("summarize", "Batch percentiles and summary.tsv/summary.html for a folder of crbn call reports, exactly as crbn batch writes them.")
        {
            _samples, _out, _step,
        };
        command.SetAction((parse, ct) => guard.RunAsync("summarize", _ => Task.FromResult(Run(parse)), ct));
        return command;
    }

    private int Run(ParseResult parse)
    {
        SampleSheet sheet = SampleSheetReader.Read(CallCommand.ExistingFile(parse.GetRequiredValue(_samples))!);
        BatchRunner.CheckOutputNamesAreDistinct(sheet);
        string outDir = Path.GetFullPath(parse.GetRequiredValue(_out));
        if (!Directory.Exists(outDir))
        {
            throw new DirectoryNotFoundException($"{outDir}: folder not found");
        }

        string step = parse.GetValue(_step)!;
        ILogger logger = loggers.CreateLogger<SummarizeCommand>();
        BatchSampleOutcome[] outcomes = BatchReports.ReadAll(sheet, outDir, logger);
        int failed = outcomes.Count(o => o.Status == BatchSampleStatus.Failed);
        TextWriter output = parse.InvocationConfiguration.Output;
        if (step == "percentiles")
        {
            int ranked = BatchSummary.RankAgainstBatch(sheet.Entries, outcomes, outDir, logger);
            output.WriteLine($"{outcomes.Length} samples, {failed} without a report; {ranked} ranked against the batch");
        }
        else
        {
            BatchSummaryFiles files = step == "all"
                ? BatchSummary.Write(sheet.Entries, outcomes, outDir, logger)
                : BatchSummary.WriteFiles(outcomes, outDir);
            output.WriteLine($"{outcomes.Length} samples, {failed} failed; summary: {files.Tsv}");
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.PartialBatch;
    }
}
