using System.CommandLine;
using CrbnVariantCaller.Core.Samples;
using CrbnVariantCaller.Formats.Input;
using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Pipeline;
using CrbnVariantCaller.Pipeline.Inputs;
using CrbnVariantCaller.Reporting.Assessment;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// <c>crbn call</c>: one sample's resistance report (<c>ID.vcf.gz</c> + <c>.tbi</c>, <c>ID.report.json</c>,
/// <c>ID.report.html</c>) from its DNA and/or RNA, per shared/contracts/OUTPUTS.md.
/// </summary>
public sealed class CallCommand(CommandGuard guard, SampleAnalyzer analyzer)
{
    private readonly Option<string?> _dna = new("--dna") { Description = "Tumour DNA BAM (WGS, exome or targeted panel), indexed." };
    private readonly Option<string?> _normal = new("--normal") { Description = "Matched normal DNA BAM, indexed." };
    private readonly Option<string?> _rna = new("--rna") { Description = "RNA-seq BAM, indexed." };
    private readonly Option<string?> _expression = new("--expression") { Description = "Expression table (salmon quant.sf, featureCounts, RSEM .genes.results, CSV/TSV matrix), used without --rna." };
    private readonly Option<string> _reference = new("--reference") { Description = "Reference FASTA (.fa with .fai, or .fa.gz with .fai and .gzi).", Required = true };
    private readonly Option<string?> _annotation = new("--annotation") { Description = "GTF/GFF3 for the expression genes (built-in models otherwise)." };
    private readonly Option<string?> _pon = new("--pon") { Description = "Copy-number panel of normals (crbn pon)." };
    private readonly Option<double?> _purity = new("--purity") { Description = "Tumour purity (0-1] for copy number; estimated from BAF and depth when omitted." };
    private readonly Option<string?> _sample = new("--sample") { Description = "Sample ID naming the outputs (default: the BAM's @RG SM)." };
    private readonly Option<string> _out = new("--out") { Description = "Output folder.", Required = true };
    private readonly Option<string> _device = new("--device") { Description = "Compute backend: auto (CUDA, then an OpenCL GPU, else the managed CPU), cpu, cuda, opencl or ilgpu-cpu (parity checks).", DefaultValueFactory = _ => "auto" };
    private readonly Option<int> _threads = new("--threads", "-@") { Description = "BGZF decompression threads.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _chunkReads = new("--chunk-reads")
    {
        Description = "Most decoded reads held in memory at once; reads are streamed through the kernels in chunks of this size.",
        DefaultValueFactory = _ => Pipeline.Ingest.ReadChunks.DefaultMaxReads,
    };
    private readonly Option<string?> _cohort = new("--cohort") { Description = "Reference cohort TSV for expression percentiles (crbn cohort build)." };
    private readonly Option<string?> _signature = new("--signature") { Description = "Signature gene-set file (adverse/favourable genes), e.g. IMiD-14." };
    private readonly Option<string?> _germlineSites = new("--germline-sites") { Description = "Germline site table replacing the built-in ABCB1/VEGFA candidates." };
    private readonly Option<string> _strandedness = new("--rna-strandedness") { Description = "RNA library: auto, unstranded, forward or reverse.", DefaultValueFactory = _ => "auto" };
    private readonly Option<string?> _setting = new("--setting") { Description = "Disease setting: newly_diagnosed or relapsed; expression biomarker rules apply only in the setting of their evidence." };
    private readonly Option<bool> _plainVcf = new("--plain-vcf") { Description = "Write ID.vcf instead of ID.vcf.gz + .tbi." };
    private readonly Option<string?> _exon10Cohort = new("--exon10-cohort") { Description = Exon10CohortHelp };
    private readonly Option<string?> _functionalVariants = new("--functional-variants") { Description = FunctionalVariantsHelp };

    /// <summary>The help of <c>--functional-variants</c> (shared with <c>crbn batch</c>).</summary>
    internal const string FunctionalVariantsHelp =
        "The lab's own table of functionally tested CRBN variants: TSV with the built-in table's columns (protein_change, residues, "
        + "assay, effect, pmid, doi; every row with a PMID or DOI; HGVS p. in three-letter code such as p.Pro350Leu). Its rows are "
        + "ADDED to the built-in curated table: a listed variant is graded a likely mechanism wherever it lies, and the finding names "
        + "the file and the row's citation. A malformed file is refused (exit 2, naming the line) before anything runs.";

    /// <summary>The help of <c>--exon10-cohort</c> (shared with <c>crbn batch</c>).</summary>
    internal const string Exon10CohortHelp =
        "Δexon10 PSI cohort: TSV with a psi_skipped column (one row per cohort sample, NA for not assessable; at least 20 values; "
        + "optional '# name: TEXT' line). A Δexon10 whose 95% interval lies above the cohort's 95th-percentile PSI is graded a likely "
        + "mechanism, and the finding names the cohort, its size and the sample's percentile; without a cohort Δexon10 stays 'possible'.";

    /// <summary>The System.CommandLine definition of <c>crbn call</c>.</summary>
    public Command Build()
    {
        Command command = new("call", "Call CRBN point mutations, Δexon10 splicing, expression biomarkers and germline SNPs for one sample.")
        {
            _dna, _normal, _rna, _expression, _reference, _annotation, _pon, _purity, _sample, _out, _device, _threads, _chunkReads,
            _cohort, _signature, _germlineSites, _strandedness, _setting, _plainVcf, _exon10Cohort, _functionalVariants,
        };
        command.SetAction((parse, ct) => guard.RunAsync("call", _ => Task.FromResult(Run(parse)), ct));
        return command;
    }

    private int Run(ParseResult parse)
    {
        var request = new CallRequest
        {
            DnaBam = ExistingFile(parse.GetValue(_dna)),
            NormalBam = ExistingFile(parse.GetValue(_normal)),
            RnaBam = ExistingFile(parse.GetValue(_rna)),
            ExpressionTable = ExistingFile(parse.GetValue(_expression)),
            Reference = ExistingFile(parse.GetRequiredValue(_reference))!,
            Annotation = ExistingFile(parse.GetValue(_annotation)),
            PanelOfNormals = ExistingFile(parse.GetValue(_pon)),
            Purity = Purity(parse.GetValue(_purity)),
            SampleId = parse.GetValue(_sample),
            OutDir = UsableOutDir(parse.GetRequiredValue(_out)),
            Device = ParseDevice(parse.GetValue(_device)!),
            Threads = PositiveThreads(parse.GetValue(_threads)),
            ChunkReads = parse.GetValue(_chunkReads) is var chunk and >= 1_000 ? chunk
                : throw new UsageException($"--chunk-reads must be at least 1000 (got {parse.GetValue(_chunkReads)})."),
            Cohort = ExistingFile(parse.GetValue(_cohort)),
            Signature = ExistingFile(parse.GetValue(_signature)),
            GermlineSites = ExistingFile(parse.GetValue(_germlineSites)),
            RnaStrandedness = ParseStrandedness(parse.GetValue(_strandedness)!),
            PlainVcf = parse.GetValue(_plainVcf),
            Exon10Cohort = ReadExon10Cohort(parse.GetValue(_exon10Cohort)),
            FunctionalVariants = ReadFunctionalVariants(parse.GetValue(_functionalVariants)),
            Setting = parse.GetValue(_setting) is string setting
                ? ClinicalSettings.TryParse(setting, out ClinicalSetting s) ? s : throw new UsageException($"--setting must be newly_diagnosed or relapsed (got '{setting}').")
                : ClinicalSetting.Unspecified,
        };
        if (request.SampleId is { } id && SampleIdRules.FindProblem(id) is { } problem)
        {
            throw new UsageException($"--sample '{SampleIdRules.Printable(id)}' {problem}.");
        }

        if (request.DnaBam is null && request.RnaBam is null)
        {
            throw new UsageException("give --dna, --rna or both.");
        }

        if (request.ExpressionTable is not null && request.RnaBam is not null)
        {
            throw new UsageException("--expression is used only without --rna (the RNA BAM is quantified directly).");
        }

        if (request.NormalBam is not null && request.DnaBam is not null
            && string.Equals(Path.GetFullPath(request.NormalBam), Path.GetFullPath(request.DnaBam), StringComparison.Ordinal))
        {
            throw new UsageException("--normal is the same file as --dna; a matched normal must be another sample.");
        }

        if (request.NormalBam is not null && request.DnaBam is null)
        {
            throw new UsageException("--normal needs --dna (the tumour).");
        }

        // Shared: several calls may write different samples into one folder (the Snakemake workflow does), never beside a batch.
        using OutputFolderLock outLock = OutputFolderLock.AcquireShared(request.OutDir);
        analyzer.Run(request, VersionAction.ToolVersion, string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Prepend("crbn")));
        return ExitCodes.Success;
    }

    /// <summary>The path, checked to be an existing regular file (exit 2 naming it otherwise: missing, a directory, a FIFO, a device); null stays null.</summary>
    internal static string? ExistingFile(string? path) => path is null ? null : RegularFile.Require(path);

    /// <summary>The Δexon10 cohort file, read and checked before any work starts (exit 2 naming the file and line otherwise); null stays null.</summary>
    internal static Exon10Cohort? ReadExon10Cohort(string? path) => path is null ? null : Exon10Cohort.Read(RegularFile.Require(path));

    /// <summary>The lab's table of functionally tested variants, read and checked before any work starts (exit 2 naming the file and line otherwise); null stays null.</summary>
    internal static FunctionalVariantTable? ReadFunctionalVariants(string? path) => path is null ? null : FunctionalVariantTable.Read(RegularFile.Require(path));

    /// <summary>The most BGZF threads accepted: beyond a few per core they only cost memory.</summary>
    internal static int MaxThreads => Math.Max(16, Environment.ProcessorCount * 4);

    internal static int PositiveThreads(int threads) => threads switch
    {
        < 1 => throw new UsageException($"--threads must be at least 1 (got {threads})."),
        _ when threads > MaxThreads => throw new UsageException($"--threads must be at most {MaxThreads} on this machine (got {threads})."),
        _ => threads,
    };

    /// <summary>The output folder, checked to be usable before any work starts.</summary>
    internal static string UsableOutDir(string? outDir)
    {
        if (string.IsNullOrWhiteSpace(outDir))
        {
            throw new UsageException("--out must name a folder.");
        }

        if (File.Exists(outDir))
        {
            throw new UsageException($"--out {outDir} is an existing file, not a folder.");
        }

        return outDir;
    }

    internal static DeviceRequest ParseDevice(string text)
    {
        try
        {
            return ComputeOptions.ParseDevice(text);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--device must be auto, cpu, cuda, opencl or ilgpu-cpu (got '{text}').");
        }
    }

    private static Strandedness? ParseStrandedness(string text) => text.ToLowerInvariant() switch
    {
        "auto" => null,
        "unstranded" or "0" => Strandedness.Unstranded,
        "forward" or "stranded" or "1" => Strandedness.Stranded,
        "reverse" or "2" => Strandedness.ReverselyStranded,
        _ => throw new UsageException($"--rna-strandedness must be auto, unstranded, forward or reverse (got '{text}')."),
    };

    /// <summary>A purity in (0, 1], or null; anything else is a usage error.</summary>
    internal static double? Purity(double? value) =>
        value is null or (> 0 and <= 1) ? value : throw new UsageException($"--purity must be in (0, 1]; {value} given.");
}
