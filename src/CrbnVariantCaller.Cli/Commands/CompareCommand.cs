using System.CommandLine;
using CrbnVariantCaller.Pipeline.Compare;
using CrbnVariantCaller.Reporting.Compare;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// <c>crbn compare</c>: baseline against relapse for one patient, from two <c>crbn call</c> reports (and their DNA BAMs,
/// so that allele counts at the other time point's variants are re-measured): each variant new / expanded / stable /
/// reduced / lost with Fisher's exact test, Δexon10 PSI with the difference and its interval, CRBN copy number and
/// expression, and a verdict (acquired, present from baseline, none). Writes <c>B_vs_R.compare.json</c> and <c>.html</c>.
/// </summary>
public sealed class CompareCommand(CommandGuard guard, CompareRunner runner)
{
    private readonly Option<string> _baseline = new("--baseline") { Description = "Baseline ID.report.json (crbn call).", Required = true };
    private readonly Option<string> _relapse = new("--relapse") { Description = "Relapse ID.report.json (crbn call).", Required = true };
    private readonly Option<string?> _baselineBam = new("--baseline-bam") { Description = "Baseline DNA BAM: re-measure the relapse variants there." };
    private readonly Option<string?> _relapseBam = new("--relapse-bam") { Description = "Relapse DNA BAM: re-measure the baseline variants there." };
    private readonly Option<string?> _reference = new("--reference") { Description = "Reference FASTA (needed with the BAMs)." };
    private readonly Option<string> _out = new("--out") { Description = "Output folder.", Required = true };
    private readonly Option<int> _threads = new("--threads", "-@") { Description = "BGZF decompression threads.", DefaultValueFactory = _ => 1 };

    /// <summary>The System.CommandLine definition of <c>crbn compare</c>.</summary>
    public Command Build()
    {
        Command command = new("compare", "Baseline vs relapse for one patient: what changed in CRBN under therapy (variants, Δexon10, copy number, expression).")
        {
            _baseline, _relapse, _baselineBam, _relapseBam, _reference, _out, _threads,
        };
        command.SetAction((parse, ct) => guard.RunAsync("compare", _ => Task.FromResult(Run(parse)), ct));
        return command;
    }

    private int Run(ParseResult parse)
    {
        var request = new CompareRequest
        {
            BaselineReport = CallCommand.ExistingFile(parse.GetRequiredValue(_baseline))!,
            RelapseReport = CallCommand.ExistingFile(parse.GetRequiredValue(_relapse))!,
            BaselineBam = CallCommand.ExistingFile(parse.GetValue(_baselineBam)),
            RelapseBam = CallCommand.ExistingFile(parse.GetValue(_relapseBam)),
            Reference = CallCommand.ExistingFile(parse.GetValue(_reference)),
            OutDir = CallCommand.UsableOutDir(parse.GetRequiredValue(_out)),
            Threads = CallCommand.PositiveThreads(parse.GetValue(_threads)),
        };
        if ((request.BaselineBam is not null || request.RelapseBam is not null) && request.Reference is null)
        {
            throw new UsageException("--reference is needed with --baseline-bam or --relapse-bam (the BAMs are re-measured against it).");
        }

        (ComparisonReport report, string json, string html) = runner.Run(request);
        TextWriter output = parse.InvocationConfiguration.Output;
        output.WriteLine($"{report.Baseline} vs {report.Relapse}: {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(report.Verdict.ToString())}");
        output.WriteLine($"  {report.VerdictReason}");
        foreach (VariantComparison v in report.Variants)
        {
            output.WriteLine(FormattableString.Invariant($"  {v.DisplayName,-24} {v.Baseline.Vaf ?? 0,7:0.####} -> {v.Relapse.Vaf ?? 0,7:0.####}  p={v.PValue:0.##e+0}  {v.Change.ToString().ToLowerInvariant()}"));
        }

        output.WriteLine(FormattableString.Invariant($"  Δexon10 PSI {report.Exon10.BaselinePsi:0.###} -> {report.Exon10.RelapsePsi:0.###}: {report.Exon10.Change}"));
        output.WriteLine($"  wrote {json}, {Path.GetFileName(html)}");
        return ExitCodes.Success;
    }
}
