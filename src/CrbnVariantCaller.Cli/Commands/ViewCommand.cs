using System.CommandLine;
using System.Text;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Fasta;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// <c>crbn view</c>: prints alignments as SAM text, identical to <c>samtools view</c> given the same arguments, so that a
/// user can check the reads behind a call. Regions are queried through the BAM's BAI/CSI index, one after another,
/// as samtools does without <c>-M</c> (a read overlapping two regions is printed twice).
/// </summary>
public sealed class ViewCommand
{
    private readonly CommandGuard _guard;

    private readonly Argument<string> _bam = new("BAM") { Description = "BAM file to read." };
    private readonly Argument<string[]> _regions = new("REGION")
    {
        Description = "Regions to print, samtools style (chr3, chr3:100, chr3:3,149,633-3,179,717, '*' for unplaced reads).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<bool> _withHeader = new("-h", "--with-header") { Description = "Include the header." };
    private readonly Option<bool> _headerOnly = new("-H", "--header-only") { Description = "Print the header only." };
    private readonly Option<bool> _count = new("-c", "--count") { Description = "Print only the number of matching records." };
    private readonly Option<bool> _noPg = new("--no-PG") { Description = "Do not add a @PG line for crbn to the header." };
    private readonly Option<string?> _reference = new("-T", "--reference")
    {
        Description = "Reference FASTA (.fai, or bgzipped with .fai/.gzi): checked against the BAM header before reading.",
    };

    private readonly Option<int> _threads = new("-@", "--threads")
    {
        Description = "BGZF decompression threads.",
        DefaultValueFactory = _ => 1,
    };

    /// <summary>Creates the command; failures are mapped to exit codes by <paramref name="guard"/>.</summary>
    public ViewCommand(CommandGuard guard)
    {
        _guard = guard;
    }

    /// <summary>The System.CommandLine definition of <c>crbn view</c>.</summary>
    public Command Build()
    {
        Command command = new("view", "Print alignments as SAM, like samtools view.")
        {
            _bam, _regions, _withHeader, _headerOnly, _count, _noPg, _reference, _threads,
        };
        command.SetAction((parse, ct) => _guard.RunAsync("view", token => Task.FromResult(Run(parse, token)), ct));
        return command;
    }

    private int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        string bamPath = parse.GetRequiredValue(_bam);
        string[] regions = parse.GetValue(_regions) ?? [];
        int threads = parse.GetValue(_threads);
        CallCommand.PositiveThreads(threads);
        if (bamPath.StartsWith('-') && !File.Exists(bamPath))
        {
            throw new UsageException($"unknown option {bamPath} (crbn view takes -h, -H, -c, -@, -T and --no-PG; see crbn view --help).");
        }

        if (!File.Exists(bamPath))
        {
            throw new FileNotFoundException("BAM file not found", bamPath);
        }

        using var reader = new BamReader(bamPath, threads);
        if (parse.GetValue(_reference) is { } referencePath)
        {
            CheckReference(reader, referencePath, regions);
        }

        using Stream stdout = Console.OpenStandardOutput();

        if (parse.GetValue(_count))
        {
            long n = regions.Length == 0 ? reader.CountRecords() : CountInRegions(reader, regions, cancellationToken);
            WriteAscii(stdout, $"{n}\n");
            return ExitCodes.Success;
        }

        using var writer = new SamTextWriter(stdout, reader.Header, leaveOpen: true);
        bool headerOnly = parse.GetValue(_headerOnly);
        if (headerOnly || parse.GetValue(_withHeader))
        {
            if (parse.GetValue(_noPg))
            {
                writer.WriteHeader();
            }
            else
            {
                WriteAscii(stdout, ProgramLine.InsertInto(reader.Header.SamText, "view", Environment.GetCommandLineArgs()));
            }
        }

        if (!headerOnly)
        {
            var record = new BamRecord();
            if (regions.Length == 0)
            {
                while (reader.ReadRecord(record))
                {
                    writer.Write(record);
                }
            }
            else
            {
                foreach (string region in regions)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    BamQuery query = reader.Query(region);
                    while (query.ReadRecord(record))
                    {
                        writer.Write(record);
                    }
                }
            }
        }

        writer.Flush();
        return ExitCodes.Success;
    }

    /// <summary>Fails with the contig and both lengths when the reference is not the one the BAM was aligned to.</summary>
    private static void CheckReference(BamReader reader, string referencePath, string[] regions)
    {
        if (!File.Exists(referencePath))
        {
            throw new FileNotFoundException("reference not found", referencePath);
        }

        using IndexedFastaReader fasta = IndexedFastaReader.Open(referencePath);
        ContigInfo[] bamContigs = reader.Header.References.Select(r => new ContigInfo(r.Name, r.Length)).ToArray();
        IEnumerable<string>? inUse = regions.Length == 0
            ? null
            : regions.Where(r => r != "*").Select(r => RegionSpec.Parse(r, reader.Header.HasReference).Contig);
        ReferenceCompatibility.Compare(bamContigs, fasta.Contigs).ThrowIfIncompatible(referencePath, inUse);
    }

    private static long CountInRegions(BamReader reader, string[] regions, CancellationToken cancellationToken)
    {
        long n = 0;
        var record = new BamRecord();
        foreach (string region in regions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BamQuery query = reader.Query(region);
            while (query.ReadRecord(record))
            {
                n++;
            }
        }

        return n;
    }

    private static void WriteAscii(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
