using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bed;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Formats.Pon;
using CrbnVariantCaller.Pipeline.CopyNumber;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;
using CrbnVariantCaller.Pipeline.Inputs;
using CrbnVariantCaller.Reporting.Model;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline.Analysis;

/// <summary>
/// CRBN copy number from read depth: builds a panel of normals (<c>crbn pon</c>) and calls a tumour against it
/// (<c>crbn call --pon</c>). Bins are capture targets plus off-target bins (with <c>--targets</c>), or CRBN exon
/// windows plus whole-genome bins (without); the panel file carries its bins and their GC, so a call needs only the
/// panel (and the reference, for the heterozygous SNPs). The method is described in
/// <c>src/CrbnVariantCaller.Calling/CopyNumber/README.md</c>.
/// </summary>
public sealed class CopyNumberAnalysis(ComputeEngine engine, ILogger logger, int chunkReads = ReadChunks.DefaultMaxReads, int threads = 1)
{
    /// <summary>
    /// Measures each normal on the bins and writes the panel TSV to <paramref name="outPath"/> atomically.
    /// </summary>
    /// <param name="normalBams">The normals' BAMs (indexed), at least two, all on one genome build.</param>
    /// <param name="reference">The reference FASTA the normals were aligned to.</param>
    /// <param name="targetsBed">A capture BED, or null for whole-genome bins.</param>
    /// <param name="outPath">The PON TSV to write.</param>
    /// <param name="threads">BGZF decompression threads.</param>
    /// <param name="binSize">Off-target or genome bin size; null for the default (50 kb off-target, 10 kb genome).</param>
    /// <returns>The panel as written.</returns>
    /// <exception cref="ArgumentException">Fewer than two normals.</exception>
    /// <exception cref="InvalidInputFileException">A BAM, the BED or the reference is malformed or inconsistent.</exception>
    public PanelOfNormalsTable BuildPanel(IReadOnlyList<string> normalBams, string reference, string? targetsBed, string outPath, int threads = 1, int? binSize = null)
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
        CopyNumberBins.Layout? layout = null;
        GenomeContext? first = null;
        foreach (string path in normalBams)
        {
            using var bam = new BamReader(path, threads);
            GenomeContext genome = GenomeContext.Resolve(bam, fasta);
            if (first is null)
            {
                first = genome;
                layout = CopyNumberBins.Resolve(bed, genome, fasta, binSize);
                logger.LogInformation(
                    "PON: {Bins} bins ({Kinds}) from {Source}",
                    layout.Bins.Count,
                    string.Join(", ", layout.Bins.GroupBy(b => b.Kind).Select(g => $"{g.Count()} {g.Key}")),
                    targetsBed ?? "whole-genome tiles and the CRBN exons");
            }
            else if (genome.Build != first.Build)
            {
                throw new InvalidInputFileException(path, $"this normal is aligned to {genome.Build}, the first normal to {first.Build}");
            }

            TargetDepths measured = Measure(bam, SampleNames.Of(bam), genome, layout!.Bins);
            logger.LogInformation("PON: {Sample}: read length {Length}, median bin depth {Depth:0.0}x", measured.Sample, measured.ReadLength, RobustMedian(measured.MeanDepth));
            depths.Add(measured);
        }

        PanelOfNormals panel = PanelOfNormals.Build(depths, layout!.Gc);
        foreach (string outlier in panel.Outliers)
        {
            logger.LogWarning("PON: normal left out as an outlier: {Outlier}", outlier);
        }

        PanelOfNormalsTable table = ToTable(panel, first!.Build.ToString());
        PonTsv.Write(table, outPath);
        return table;
    }

    /// <summary>Calls CRBN copy number in <paramref name="dna"/> against the panel at <paramref name="ponPath"/>.</summary>
    /// <param name="dna">The tumour BAM.</param>
    /// <param name="genome">Its genome.</param>
    /// <param name="ponPath">The panel of normals.</param>
    /// <param name="options">Thresholds and the lab's purity, if any.</param>
    /// <param name="normal">The matched normal (heterozygous SNPs are found there), or null.</param>
    /// <param name="reference">The reference (for the SNPs' reference alleles), or null to skip the B-allele frequency.</param>
    /// <exception cref="PonFormatException">The panel file is malformed.</exception>
    /// <exception cref="InvalidInputFileException">The panel was built on another genome build.</exception>
    public CrbnCopyNumberCall Run(BamReader dna, GenomeContext genome, string ponPath, CopyNumberOptions? options = null, BamReader? normal = null, IndexedFastaReader? reference = null)
    {
        ArgumentNullException.ThrowIfNull(dna);
        ArgumentNullException.ThrowIfNull(genome);
        options ??= CopyNumberOptions.Default;
        PanelOfNormals panel = LoadPanel(ponPath, genome, dna.FilePath);
        TargetDepths depths = Measure(dna, SampleNames.Of(dna), genome, panel.Targets);
        IReadOnlyList<HetSite>? sites = null;
        string? source = null;
        if (reference is not null)
        {
            (sites, source) = new HetSiteCollector(engine, chunkReads).Collect(dna, normal, panel.Targets, reference, options);
            logger.LogInformation("copy number: {Sites} heterozygous SNPs (from the {Source})", sites.Count, source);
        }

        CrbnCopyNumberCall call = new CopyNumberCaller(options).Call(depths, panel, sites, source);
        logger.LogInformation("copy number: {State}, log2 {Log2}; {Reasoning}", call.State, call.Log2Ratio, call.Reasoning);
        return call;
    }

    /// <summary>Reads the panel at <paramref name="ponPath"/>, its bins renamed to this BAM's contig names (bins on contigs the BAM lacks are left out).</summary>
    /// <exception cref="PonFormatException">The panel file is malformed.</exception>
    /// <exception cref="InvalidInputFileException">The panel was built on another genome build.</exception>
    public PanelOfNormals LoadPanel(string ponPath, GenomeContext genome, string bamPath)
    {
        ArgumentNullException.ThrowIfNull(genome);
        PanelOfNormalsTable table = PonTsv.Read(ponPath);
        if (!string.Equals(table.GenomeBuild, genome.Build.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputFileException(ponPath, $"the panel of normals was built on {table.GenomeBuild} but {bamPath} is {genome.Build}");
        }

        var targets = new List<CopyNumberTarget>();
        var kept = new List<int>();
        for (int i = 0; i < table.Targets.Count; i++)
        {
            PonTarget row = table.Targets[i];
            if (genome.FindContig(row.Interval.Contig) is { } contig)
            {
                targets.Add(new CopyNumberTarget(new GenomicInterval(contig, row.Interval.Start, row.Interval.End), row.Name, row.CrbnExon, KindOf(row.Kind)));
                kept.Add(i);
            }
        }

        if (kept.Count < table.Targets.Count)
        {
            logger.LogWarning("copy number: {Missing} panel bin(s) lie on contigs missing from {Bam}", table.Targets.Count - kept.Count, bamPath);
        }

        return new PanelOfNormals(
            table.Normals,
            targets,
            kept.Select(i => table.Targets[i].Log2).ToArray(),
            kept.Select(i => table.Targets[i].Spread).ToArray(),
            kept.Select(i => table.Targets[i].Depth).ToArray(),
            kept.Select(i => table.Targets[i].Gc).ToArray(),
            new AssayProfile(table.ReadLength, table.TargetDepth, table.BackgroundDepth) { Noise = table.NormalNoise },
            table.OutlierNormals);
    }

    /// <summary>
    /// Depth of <paramref name="bam"/> on each bin: targets by the coverage kernel (reads streamed through the index in
    /// chunks), off-target and genome bins by one sequential pass (<see cref="BinReadCounter"/>).
    /// </summary>
    public TargetDepths Measure(BamReader bam, string sample, GenomeContext genome, IReadOnlyList<CopyNumberTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(bam);
        ArgumentNullException.ThrowIfNull(targets);
        // Bins carry the naming of the BAM they were first resolved on (the first normal); this BAM may say 3 for chr3.
        int? ReferenceIdOf(string contig) =>
            genome.FindContig(contig) is { } name && bam.Header.GetReferenceId(name) is var id and >= 0 ? id : null;
        CopyNumberTarget[] captured = targets.Where(t => t.Kind == BinKind.Target).ToArray();
        IEnumerable<RegionSpec> regions = captured
            .Where(t => ReferenceIdOf(t.Interval.Contig) is not null)
            .OrderBy(t => ReferenceIdOf(t.Interval.Contig))
            .ThenBy(t => t.Interval.Start.Value)
            .Select(t => new RegionSpec(bam.Header.References[ReferenceIdOf(t.Interval.Contig)!.Value].Name, t.Interval.Start, t.Interval.End));
        TargetDepths onTarget = engine.MeasureTargetDepths(sample, new ReadChunks(bam, regions, chunkReads), captured, ReferenceIdOf);
        double[] depth = new double[targets.Count];
        double readLength = 0;
        if (captured.Length < targets.Count)
        {
            // A second reader for the sequential pass: the first one has been used for index queries.
            using var sequential = new BamReader(bam.FilePath, threads);
            BinReadCounter.Result counted = BinReadCounter.Count(sequential, targets, ReferenceIdOf, n => logger.LogInformation("copy number: {Sample}: {Records:N0} records binned", sample, n));
            depth = counted.Depth;
            readLength = counted.ReadLength;
        }

        int k = 0;
        for (int i = 0; i < targets.Count; i++)
        {
            if (targets[i].Kind == BinKind.Target)
            {
                depth[i] = onTarget.MeanDepth[k++];
            }
        }

        if (readLength <= 0)
        {
            using var sequential = new BamReader(bam.FilePath);
            readLength = ReadLengthOf(sequential);
        }

        return new TargetDepths(sample, targets, depth) { ReadLength = readLength };
    }

    private static double ReadLengthOf(BamReader bam)
    {
        var lengths = new List<int>();
        var record = new BamRecord();
        while (lengths.Count < 10_000 && bam.ReadRecord(record))
        {
            if ((record.Flags & (SamFlags.Unmapped | SamFlags.Secondary | SamFlags.Supplementary)) == 0)
            {
                lengths.Add((int)record.ReferenceLength);
            }
        }

        lengths.Sort();
        return lengths.Count > 0 ? lengths[lengths.Count / 2] : 0;
    }

    private static BinKind KindOf(string kind) => kind switch
    {
        "antitarget" => BinKind.Antitarget,
        "genome" => BinKind.Genome,
        _ => BinKind.Target,
    };

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
            OutlierNormals = panel.Outliers,
            ReadLength = panel.Assay.ReadLength,
            TargetDepth = panel.Assay.TargetDepth,
            BackgroundDepth = panel.Assay.BackgroundDepth,
            NormalNoise = panel.Assay.Noise,
            Targets = panel.Targets.Select((t, i) => new PonTarget
            {
                Interval = t.Interval,
                Name = t.Name,
                Kind = t.Kind.ToString().ToLowerInvariant(),
                Gc = panel.Gc[i],
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
            Call = call.State switch
            {
                CopyNumberCallState.Neutral => CopyNumberState.Neutral,
                CopyNumberCallState.HemizygousLoss => CopyNumberState.HemizygousLoss,
                CopyNumberCallState.HomozygousLoss => CopyNumberState.HomozygousLoss,
                CopyNumberCallState.PartialLoss => CopyNumberState.PartialLoss,
                CopyNumberCallState.Gain => CopyNumberState.Gain,
                CopyNumberCallState.CopyNeutralLoh => CopyNumberState.CopyNeutralLoh,
                _ => CopyNumberState.NotAssessable,
            },
            Log2Ratio = call.Log2Ratio is { } l ? Math.Round(l, 4) : null,
            EstimatedCopies = call.EstimatedCopies is { } c ? Math.Round(c, 3) : null,
            ExonsAffected = call.ExonsAffected,
            Segment = call.Segment is { } s ? Segment(s) : null,
            Exons = call.Exons.Select(e => new CopyNumberExon
            {
                Exon = e.Exon,
                Log2Ratio = Math.Round(e.Log2, 4),
                StandardError = Math.Round(e.StandardError, 4),
                State = call.ExonsAffected.Contains(e.Exon) && call.State is CopyNumberCallState.HemizygousLoss or CopyNumberCallState.HomozygousLoss or CopyNumberCallState.PartialLoss
                    ? "lost"
                    : call.ExonsAffected.Contains(e.Exon) && call.State == CopyNumberCallState.Gain ? "gained" : "present",
            }).ToArray(),
            Baf = call.HetSource is null ? null : new CopyNumberAlleles
            {
                Source = call.HetSource,
                HetSnps = call.SegmentImbalance?.Sites ?? 0,
                MinorAlleleFraction = call.SegmentImbalance is { Sites: > 0 } i ? Math.Round(i.MinorFraction, 4) : null,
                LikelihoodRatio = call.SegmentImbalance is { Sites: > 0 } j ? Math.Round(j.LikelihoodRatio, 2) : null,
                Loh = call.Loh,
            },
            Purity = call.State == CopyNumberCallState.NotAssessable ? null : new CopyNumberPurity
            {
                Value = call.Purity is { } p ? Math.Round(p, 3) : null,
                Source = call.PuritySource,
                Copies = call.Copies,
                MinorCopies = call.MinorCopies,
                Confidence = call.CopiesConfidence is { } k ? Math.Round(k, 3) : null,
                Reason = call.PurityReason,
            },
            Method = call.Method,
            Reasoning = call.Reasoning,
        };
    }

    /// <summary>The report's <c>copy_number</c> for a call: the CRBN call, the CRBN contig's segments and the plot's points.</summary>
    public static CopyNumberSection ToSection(CrbnCopyNumberCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        const int maxPoints = 2_000;
        BinRatio[] bins = [.. call.Bins];
        int step = Math.Max(1, (bins.Length + maxPoints - 1) / maxPoints);
        var positions = new List<int>();
        var log2 = new List<double>();
        for (int i = 0; i < bins.Length; i += step)
        {
            BinRatio[] group = bins[i..Math.Min(bins.Length, i + step)];
            positions.Add((group[0].Start + group[^1].End) / 2);
            log2.Add(Math.Round(group.Average(b => b.Log2), 3));
        }

        return new CopyNumberSection
        {
            Crbn = ToReport(call),
            Segments = call.Segments.Select(Segment).ToArray(),
            OutlierNormals = call.OutlierNormals,
            Plot = bins.Length == 0 ? null : new CopyNumberPlotData
            {
                Chrom = bins[0].Contig,
                BinPositions = positions,
                BinLog2 = log2,
                SnpPositions = call.HetSites.Select(h => h.Position).ToArray(),
                SnpBaf = call.HetSites.Select(h => Math.Round(h.Baf, 3)).ToArray(),
            },
        };
    }

    private static CopyNumberSegmentReport Segment(CopyNumberSegment s) => new()
    {
        Chrom = s.Contig,
        Start = s.Start,
        End = s.End,
        Log2Ratio = Math.Round(s.Log2, 4),
        StandardError = Math.Round(s.StandardError, 4),
        Bins = s.Bins,
    };

    private static double RobustMedian(double[] values) => values.Length == 0 ? 0 : values.Order().ElementAt(values.Length / 2);
}
