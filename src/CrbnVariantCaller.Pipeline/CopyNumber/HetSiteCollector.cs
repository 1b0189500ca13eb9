using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;

namespace CrbnVariantCaller.Pipeline.CopyNumber;

/// <summary>
/// Heterozygous germline SNPs for the B-allele frequency, from pileups on the engine: sites found in the matched normal
/// when there is one (else in the tumour itself), and the tumour's allele counts at those sites. Where the pileups go
/// is <see cref="Regions"/>: the capture targets of a panel, or for WGS a bounded stretch of the CRBN contig.
/// </summary>
public sealed class HetSiteCollector(ComputeEngine engine, int chunkReads)
{
    /// <summary>Targets longer than this are not piled up (a BED line over a whole gene or arm is not a SNP target).</summary>
    public const int MaxTargetLength = 100_000;

    /// <summary>WGS regions are piled up in blocks of this length (one pileup array of 14 counters a base at a time).</summary>
    public const int BlockLength = 250_000;

    /// <summary>The sites with the tumour's counts, and where they were found.</summary>
    public (IReadOnlyList<HetSite> Sites, string Source) Collect(
        BamReader tumour, BamReader? normal, IReadOnlyList<CopyNumberTarget> bins, IndexedFastaReader fasta, CopyNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(tumour);
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(fasta);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<GenomicInterval> regions = Regions(bins, tumour.Header, options);
        bool fromNormal = normal is not null;
        var sites = new List<HetSite>();
        var altOf = new Dictionary<(string, int), int>();
        Scan(normal ?? tumour, regions, fasta, (contig, position, refIndex, counts) =>
        {
            if (HetSiteFinder.Test(contig, position, "ACGT"[refIndex], counts, fromNormal, options) is { } site)
            {
                sites.Add(site);
                altOf[(contig, position)] = HetSiteFinder.AltIndex(refIndex, counts);
            }
        });

        if (fromNormal)
        {
            // The tumour's counts at the normal's sites (the normal's two alleles), in the regions that hold any.
            sites.Clear();
            GenomicInterval[] holding = regions.Where(r => altOf.Keys.Any(k => k.Item1 == r.Contig && r.Contains(new Position(k.Item2)))).ToArray();
            Scan(tumour, holding, fasta, (contig, position, refIndex, counts) =>
            {
                if (altOf.TryGetValue((contig, position), out int altIndex))
                {
                    var site = new HetSite(contig, position, counts[refIndex], counts[altIndex]);
                    if (site.Depth >= options.MinHetDepth)
                    {
                        sites.Add(site);
                    }
                }
            });
        }

        return (sites.OrderBy(s => s.Contig, StringComparer.Ordinal).ThenBy(s => s.Position).ToArray(), fromNormal ? "matched normal" : "tumour");
    }

    /// <summary>
    /// Where heterozygous SNPs are looked for. A panel (bins of kind target and antitarget): its targets of at most
    /// <see cref="MaxTargetLength"/>, as before. WGS (genome bins): the CRBN contig from the gene's midpoint ±
    /// <see cref="CopyNumberOptions.WholeGenomeBafFlank"/> (clipped to the contig), in <see cref="BlockLength"/> blocks.
    /// The bound keeps the cost of a real 3-Gb genome at that of 5 Mb (about 2 M reads at 40x) while holding the
    /// segment that contains CRBN (a 3p deletion or CN-LOH over the gene is read across 5 Mb of it) and, when the event
    /// is smaller, its balanced flanks; a segment outside the stretch has depth but no BAF.
    /// </summary>
    public static IReadOnlyList<GenomicInterval> Regions(IReadOnlyList<CopyNumberTarget> bins, SamHeader header, CopyNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(options);
        if (!bins.Any(b => b.Kind == BinKind.Genome))
        {
            return bins.Where(b => b.Kind == BinKind.Target && b.Interval.Length <= MaxTargetLength).Select(b => b.Interval).ToArray();
        }

        CopyNumberTarget[] exons = bins.Where(b => b.CrbnExon is not null).ToArray();
        if (exons.Length == 0)
        {
            return [];
        }

        string contig = exons[0].Interval.Contig;
        int id = header.GetReferenceId(contig);
        if (id < 0)
        {
            return [];
        }

        int length = header.References[id].Length;
        long mid = ((long)exons.Min(e => e.Interval.Start.Value) + exons.Max(e => e.Interval.End.Value)) / 2;
        int start = (int)Math.Max(1, mid - options.WholeGenomeBafFlank);
        int end = (int)Math.Min(length, mid + options.WholeGenomeBafFlank);
        var blocks = new List<GenomicInterval>();
        for (int s = start; s <= end; s += BlockLength)
        {
            blocks.Add(new GenomicInterval(contig, new Position(s), new Position(Math.Min(end, s + BlockLength - 1))));
        }

        return blocks;
    }

    /// <summary>
    /// Piles up <paramref name="regions"/> one at a time (in contig and start order) and hands each position with reads
    /// and an A/C/G/T reference base to <paramref name="visit"/>, once however regions overlap.
    /// </summary>
    private void Scan(BamReader bam, IReadOnlyList<GenomicInterval> regions, IndexedFastaReader fasta, Action<string, int, int, int[]> visit)
    {
        var scannedTo = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] counts = new int[4];
        foreach (GenomicInterval region in regions.OrderBy(r => bam.Header.GetReferenceId(r.Contig)).ThenBy(r => r.Start.Value))
        {
            int id = bam.Header.GetReferenceId(region.Contig);
            if (id < 0 || !fasta.TryResolveContig(region.Contig, out string? fastaName))
            {
                continue;
            }

            // Overlapping targets: the first pileup already held every read of the shared positions.
            int from = Math.Max(region.Start.Value, scannedTo.GetValueOrDefault(region.Contig) + 1);
            if (from > region.End.Value)
            {
                continue;
            }

            scannedTo[region.Contig] = region.End.Value;
            var request = new PileupRequest { Window = new ReferenceWindow(id, region.Start, region.End) };
            PileupCounts p = engine.Pileups(new ReadChunks(bam, [new RegionSpec(region.Contig, region.Start, region.End)], chunkReads), [request])[0];
            byte[] reference = new byte[region.Length];
            fasta.Fetch(new GenomicInterval(fastaName!, region.Start, region.End), reference);
            for (int o = from - region.Start.Value; o < region.Length; o++)
            {
                int refIndex = "ACGT".IndexOf(char.ToUpperInvariant((char)reference[o]), StringComparison.Ordinal);
                if (refIndex < 0)
                {
                    continue;
                }

                counts[0] = p.Get(o, PileupChannel.A);
                counts[1] = p.Get(o, PileupChannel.C);
                counts[2] = p.Get(o, PileupChannel.G);
                counts[3] = p.Get(o, PileupChannel.T);
                if (counts[0] + counts[1] + counts[2] + counts[3] > 0)
                {
                    visit(region.Contig, region.Start.Value + o, refIndex, counts);
                }
            }
        }
    }
}
