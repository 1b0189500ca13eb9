using System.CommandLine;
using CrbnVariantCaller.Pipeline;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary><c>crbn cohort build</c>: a reference cohort TSV from a lab's own RNA BAMs, for expression percentiles.</summary>
public sealed class CohortCommand(CommandGuard guard, CohortBuilding cohorts)
{
    private readonly Option<string[]> _rna = new("--rna") { Description = "RNA BAMs of the reference cohort (at least 5).", Required = true, AllowMultipleArgumentsPerToken = true };
    private readonly Option<string> _reference = new("--reference") { Description = "Reference FASTA (.fai, or .gz with .fai and .gzi).", Required = true };
    private readonly Option<string?> _annotation = new("--annotation") { Description = "GTF/GFF3 of the genes (built-in models otherwise)." };
    private readonly Option<string> _out = new("--out") { Description = "Cohort TSV to write.", Required = true };
    private readonly Option<string> _device = new("--device") { Description = "Compute backend: auto (CUDA, then an OpenCL GPU, else the managed CPU), cpu, cuda, opencl or ilgpu-cpu (parity checks).", DefaultValueFactory = _ => "auto" };
    private readonly Option<int> _threads = new("--threads", "-@") { Description = "BGZF decompression threads.", DefaultValueFactory = _ => 1 };

    /// <summary>The System.CommandLine definition of <c>crbn cohort</c>.</summary>
    public Command Build()
    {
        Command build = new("build", "Quantify each cohort BAM and write the reference cohort TSV.") { _rna, _reference, _annotation, _out, _device, _threads };
        build.SetAction((parse, ct) => guard.RunAsync("cohort build", _ => Task.FromResult(Run(parse)), ct));
        return new Command("cohort", "Reference cohorts for expression percentiles.") { build };
    }

    private int Run(ParseResult parse)
    {
        string[] bams = parse.GetRequiredValue(_rna);
        if (bams.Length < 5)
        {
            throw new UsageException($"--rna needs at least 5 cohort BAMs for meaningful percentiles ({bams.Length} given).");
        }

        foreach (string bam in bams)
        {
            CallCommand.ExistingFile(bam);
        }

        int n = cohorts.Build(
            bams,
            CallCommand.ExistingFile(parse.GetRequiredValue(_reference))!,
            CallCommand.ExistingFile(parse.GetValue(_annotation)),
            parse.GetRequiredValue(_out),
            CallCommand.ParseDevice(parse.GetValue(_device)!),
            CallCommand.PositiveThreads(parse.GetValue(_threads)),
            VersionAction.ToolVersion);
        parse.InvocationConfiguration.Output.WriteLine($"{n} samples written to {parse.GetRequiredValue(_out)}");
        return ExitCodes.Success;
    }
}
