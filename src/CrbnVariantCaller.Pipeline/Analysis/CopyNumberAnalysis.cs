using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bed;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Formats.Pon;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;
using CrbnVariantCaller.Pipeline.Inputs;
using CrbnVariantCaller.Reporting.Model;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline.Analysis;

/// <summary>
/// CRBN copy number from read depth: builds a panel of normals (<c>crbn pon</c>) and calls a tumour against it
/// (<c>crbn call --pon</c>). Targets come from a capture BED (<c>--targets</c>) or from the CRBN model (exons ±150 bp
/// plus control windows around the gene); the panel file carries its targets, so a call needs only the panel.
/// The method is described in <c>src/CrbnVariantCaller.Calling/CopyNumber/README.md</c>.
/// </summary>
public sealed class CopyNumberAnalysis(ComputeEngine engine, ILogger logger, int chunkReads = ReadChunks.DefaultMaxReads)
{
    /// <summary>
    /// Measures each normal on the targets and writes the panel TSV to <paramref name="outPath"/> atomically.
    /// </summary>
    /// <param name="normalBams">The normals' BAMs (indexed), at least two, all on one genome build.</param>
    /// <param name="reference">The reference FASTA the normals were aligned to.</param>
    /// <param name="targetsBed">A capture BED, or null to derive targets from the CRBN model.</param>
    /// <param name="outPath">The PON TSV to write.</param>
    /// <param name="threads">BGZF decompression threads.</param>
    /// <returns>The panel as written.</returns>
    /// <exception cref="ArgumentException">Fewer than two normals.</exception>
    /// <exception cref="InvalidInputFileException">A BAM, the BED or the reference is malformed or inconsistent.</exception>
    public PanelOfNormalsTable BuildPanel(IReadOnlyList<string> normalBams, string reference, string? targetsBed, string outPath, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(normalBams);
        if (normalBams.Count < 2)
        {
            throw new ArgumentException($"a panel of normals needs at least 2 normal BAMs; {normalBams.Count} given", nameof(normalBams));
        }

        string? repeated = normalBams.GroupBy(Path.GetFullPath, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
        {
            throw new InvalidInputFileException(repeated, "this normal is given more than once; each normal of the panel must be a different sample");
        }

        using IndexedFastaReader fasta = IndexedFastaReader.Open(reference);
        IReadOnlyList<BedRecord>? bed = targetsBed is null ? null : BedReader.Read(targetsBed);
        var depths = new List<TargetDepths>();
        IReadOnlyList<CopyNumberTarget>? targets = null;
        GenomeContext? first = null;
        foreach (string path in normalBams)
        {
            using var bam = new BamReader(path, threads);
            GenomeContext genome = GenomeContext.Resolve(bam, fasta);
            if (first is null)
            {
                first = genome;
                targets = ResolveTargets(bed, genome);
                logger.LogInformation("PON: {Targets} targets ({Exons} on CRBN exons) from {Source}", targets.Count, targets.Count(t => !t.IsControl), targetsBed ?? "the CRBN model");
            }
            else if (genome.Build != first.Build)
            {
                throw new InvalidInputFileException(path, $"this normal is aligned to {genome.Build}, the first normal to {first.Build}");
            }

            TargetDepths measured = Measure(bam, SampleNames.Of(bam), genome, targets!);
            logger.LogInformation("PON: {Sample}: median target depth {Depth:0.0}x", measured.Sample, RobustMedian(measured.MeanDepth));
            depths.Add(measured);
        }

        PanelOfNormals panel = PanelOfNormals.Build(depths);
        PanelOfNormalsTable table = ToTable(panel, first!.Build.ToString());
        PonTsv.Write(table, outPath);
        return table;
    }

    /// <summary>Calls CRBN copy number in <paramref name="dna"/> against the panel at <paramref name="ponPath"/>.</summary>
    /// <exception cref="PonFormatException">The panel file is malformed.</exception>
    /// <exception cref="InvalidInputFileException">The panel was built on another genome build.</exception>
    public CrbnCopyNumberCall Run(BamReader dna, GenomeContext genome, string ponPath, CopyNumberOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dna);
        ArgumentNullException.ThrowIfNull(genome);
        PanelOfNormalsTable table = PonTsv.Read(ponPath);
        if (!string.Equals(table.GenomeBuild, genome.Build.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputFileException(ponPath, $"the panel of normals was built on {table.GenomeBuild} but {dna.FilePath} is {genome.Build}");
        }

        // Targets renamed to this BAM's contig names; targets on contigs the BAM lacks are left out.
        var targets = new List<CopyNumberTarget>();
        var kept = new List<int>();
        for (int i = 0; i < table.Targets.Count; i++)
        {
            PonTarget row = table.Targets[i];
            if (genome.FindContig(row.Interval.Contig) is { } contig)
            {
                targets.Add(new CopyNumberTarget(new GenomicInterval(contig, row.Interval.Start, row.Interval.End), row.Name, row.CrbnExon));
                kept.Add(i);
            }
        }

        if (kept.Count < table.Targets.Count)
        {
            logger.LogWarning("copy number: {Missing} panel target(s) lie on contigs missing from {Bam}", table.Targets.Count - kept.Count, dna.FilePath);
        }

        var panel = new PanelOfNormals(
            table.Normals,
            targets,
            kept.Select(i => table.Targets[i].Log2).ToArray(),
            kept.Select(i => table.Targets[i].Spread).ToArray(),
            kept.Select(i => table.Targets[i].Depth).ToArray());
        TargetDepths depths = Measure(dna, SampleNames.Of(dna), genome, targets);
        CrbnCopyNumberCall call = new CopyNumberCaller(options).Call(depths, panel);
        logger.LogInformation("copy number: {State}, log2 {Log2}; {Reasoning}", call.State, call.Log2Ratio, call.Reasoning);
        return call;
    }

    /// <summary>Mean depth of <paramref name="bam"/> on each target (reads streamed through the index in chunks, depth on the engine).</summary>
    public TargetDepths Measure(BamReader bam, string sample, GenomeContext genome, IReadOnlyList<CopyNumberTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(bam);
        ArgumentNullException.ThrowIfNull(targets);
        // Targets carry the naming of the BAM they were first resolved on (the first normal); this BAM may say 3 for chr3.
        int? ReferenceIdOf(string contig) =>
            genome.FindContig(contig) is { } name && bam.Header.GetReferenceId(name) is var id and >= 0 ? id : null;
        IEnumerable<RegionSpec> regions = targets
            .Where(t => ReferenceIdOf(t.Interval.Contig) is not null)
            .OrderBy(t => ReferenceIdOf(t.Interval.Contig))
            .ThenBy(t => t.Interval.Start.Value)
            .Select(t => new RegionSpec(bam.Header.References[ReferenceIdOf(t.Interval.Contig)!.Value].Name, t.Interval.Start, t.Interval.End));
        return engine.MeasureTargetDepths(sample, new ReadChunks(bam, regions, chunkReads), targets, ReferenceIdOf);
    }

    /// <summary>
    /// The copy-number targets: each BED interval (renamed to the BAM's contig naming; intervals on contigs the BAM lacks
    /// are dropped) labelled with the CRBN exon it overlaps, or, without a BED, the targets derived from the CRBN model.
    /// </summary>
    public static IReadOnlyList<CopyNumberTarget> ResolveTargets(IReadOnlyList<BedRecord>? bed, GenomeContext genome)
    {
        ArgumentNullException.ThrowIfNull(genome);
        if (bed is null)
        {
            return CopyNumberTargets.FromCrbnModel(genome.Crbn);
        }

        var intervals = new List<(GenomicInterval, string?)>();
        foreach (BedRecord record in bed)
        {
            if (genome.FindContig(record.Interval.Contig) is { } contig)
            {
                intervals.Add((new GenomicInterval(contig, record.Interval.Start, record.Interval.End), record.Name));
            }
        }

        return CopyNumberTargets.FromIntervals(intervals, genome.Crbn);
    }

    /// <summary>The file form of a panel (one row per target) for <see cref="PonTsv"/>.</summary>
    public static PanelOfNormalsTable ToTable(PanelOfNormals panel, string genomeBuild)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return new PanelOfNormalsTable
        {
            GenomeBuild = genomeBuild,
            Normals = panel.Normals,
            Targets = panel.Targets.Select((t, i) => new PonTarget
            {
                Interval = t.Interval,
                Name = t.Name,
                CrbnExon = t.CrbnExon,
                Log2 = panel.Log2[i],
                Spread = panel.Spread[i],
                Depth = panel.Depth[i],
            }).ToArray(),
        };
    }

    /// <summary>The report's <c>copy_number.crbn</c> for a call.</summary>
    public static CrbnCopyNumber ToReport(CrbnCopyNumberCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new CrbnCopyNumber
        {
            State = call.State switch
            {
                CopyNumberCallState.Neutral => CopyNumberState.Neutral,
                CopyNumberCallState.HemizygousLoss => CopyNumberState.HemizygousLoss,
                CopyNumberCallState.HomozygousLoss => CopyNumberState.HomozygousLoss,
                CopyNumberCallState.PartialLoss => CopyNumberState.PartialLoss,
                CopyNumberCallState.Gain => CopyNumberState.Gain,
                _ => CopyNumberState.NotAssessable,
            },
            Log2Ratio = call.Log2Ratio is { } l ? Math.Round(l, 4) : null,
            EstimatedCopies = call.EstimatedCopies is { } c ? Math.Round(c, 3) : null,
            ExonsAffected = call.ExonsAffected,
            Method = call.Method,
            Reasoning = call.Reasoning,
        };
    }

    private static double RobustMedian(double[] values) => values.Length == 0 ? 0 : values.Order().ElementAt(values.Length / 2);
}
