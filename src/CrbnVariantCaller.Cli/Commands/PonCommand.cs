using System.CommandLine;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Formats.Pon;
using CrbnVariantCaller.Pipeline.Analysis;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// <c>crbn pon --normals N1.bam N2.bam ... --reference REF --out PON.tsv [--targets BED]</c>: the copy-number panel of
/// normals that <c>crbn call --pon</c> compares a tumour with. The file carries its bins: with <c>--targets</c> (a
/// capture BED) the targets plus off-target bins over every autosome; without it, CRBN exons ±150 bp plus whole-genome
/// bins. Normalisation uses autosomes other than the CRBN contig, never the CRBN neighbourhood.
/// </summary>
public sealed class PonCommand(CommandGuard guard, BackendSelector backends, ILoggerFactory loggers)
{
    private readonly Option<string[]> _normals = new("--normals") { Description = "Normal DNA BAMs (indexed, at least 2), same capture as the tumours.", Required = true, AllowMultipleArgumentsPerToken = true };
    private readonly Option<string> _reference = new("--reference") { Description = "Reference FASTA (.fai, or .gz with .fai and .gzi).", Required = true };
    private readonly Option<string?> _targets = new("--targets") { Description = "Capture BED (CRBN exon targets and control targets); derived from the CRBN model otherwise." };
    private readonly Option<int?> _binSize = new("--bin-size") { Description = "Off-target bin size with --targets (default 50000), genome bin size without (default 10000)." };
    private readonly Option<string> _out = new("--out") { Description = "Panel-of-normals TSV to write.", Required = true };
    private readonly Option<string> _device = new("--device") { Description = "Compute backend: auto (CUDA, then an OpenCL GPU, else the managed CPU), cpu, cuda, opencl or ilgpu-cpu (parity checks).", DefaultValueFactory = _ => "auto" };
    private readonly Option<int> _threads = new("--threads", "-@") { Description = "BGZF decompression threads.", DefaultValueFactory = _ => 1 };

    /// <summary>The System.CommandLine definition of <c>crbn pon</c>.</summary>
    public Command Build()
    {
        Command command = new("pon", "Build a copy-number panel of normals (per-target depth reference) from normal DNA BAMs.")
        {
            _normals, _reference, _targets, _binSize, _out, _device, _threads,
        };
        command.SetAction((parse, ct) => guard.RunAsync("pon", _ => Task.FromResult(Run(parse)), ct));
        return command;
    }

    private int Run(ParseResult parse)
    {
        string[] bams = parse.GetRequiredValue(_normals);
        if (bams.Length < 2)
        {
            throw new UsageException($"--normals needs at least 2 normal BAMs ({bams.Length} given).");
        }

        foreach (string bam in bams)
        {
            CallCommand.ExistingFile(bam);
        }

        string reference = CallCommand.ExistingFile(parse.GetRequiredValue(_reference))!;
        string? targets = CallCommand.ExistingFile(parse.GetValue(_targets));
        string outPath = parse.GetRequiredValue(_out);
        int? binSize = parse.GetValue(_binSize);
        if (binSize is < 1000)
        {
            throw new UsageException($"--bin-size must be at least 1000 bases ({binSize} given).");
        }

        using ComputeEngine engine = backends.Select(new ComputeOptions { Device = CallCommand.ParseDevice(parse.GetValue(_device)!) });
        int threads = CallCommand.PositiveThreads(parse.GetValue(_threads));
        PanelOfNormalsTable table = new CopyNumberAnalysis(engine, loggers.CreateLogger<CopyNumberAnalysis>(), threads: threads)
            .BuildPanel(bams, reference, targets, outPath, threads, binSize);
        string outliers = table.OutlierNormals.Count == 0 ? string.Empty : $"; left out as outliers: {string.Join("; ", table.OutlierNormals)}";
        parse.InvocationConfiguration.Output.WriteLine(
            $"{table.Normals.Count} normals, {table.Targets.Count} bins ({string.Join(", ", table.Targets.GroupBy(t => t.Kind).Select(g => $"{g.Count()} {g.Key}"))}) written to {outPath}{outliers}");
        return ExitCodes.Success;
    }
}
