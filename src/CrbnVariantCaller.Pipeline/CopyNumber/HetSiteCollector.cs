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
/// Heterozygous germline SNPs for the B-allele frequency: pileups (on the engine) over the target bins, sites found in
/// the matched normal when there is one (else in the tumour itself), and the tumour's allele counts at those sites.
/// </summary>
public sealed class HetSiteCollector(ComputeEngine engine, int chunkReads)
{
    /// <summary>The sites with the tumour's counts, and where they were found.</summary>
    public (IReadOnlyList<HetSite> Sites, string Source) Collect(
        BamReader tumour, BamReader? normal, IReadOnlyList<CopyNumberTarget> bins, IndexedFastaReader fasta, CopyNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(tumour);
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(fasta);
        ArgumentNullException.ThrowIfNull(options);
        CopyNumberTarget[] targets = bins.Where(b => b.Kind == BinKind.Target && b.Interval.Length <= 100_000).ToArray();
        bool fromNormal = normal is not null;
        var refBases = new Dictionary<(string, int), char>();
        Dictionary<(string, int), int[]> tumourCounts = Counts(tumour, targets, fasta, refBases, everyPosition: fromNormal);
        Dictionary<(string, int), int[]> discovery = normal is null ? tumourCounts : Counts(normal, targets, fasta, refBases, everyPosition: false);
        var sites = new List<HetSite>();
        foreach (((string contig, int pos), int[] counts) in discovery)
        {
            if (HetSiteFinder.Test(contig, pos, refBases[(contig, pos)], counts, fromNormal, options) is not { } site)
            {
                continue;
            }

            if (fromNormal)
            {
                if (!tumourCounts.TryGetValue((contig, pos), out int[]? t))
                {
                    continue;
                }

                int refIndex = "ACGT".IndexOf(char.ToUpperInvariant(refBases[(contig, pos)]), StringComparison.Ordinal);
                int altIndex = Enumerable.Range(0, 4).Where(b => b != refIndex).MaxBy(b => counts[b]);
                site = new HetSite(contig, pos, t[refIndex], t[altIndex]);
                if (site.Depth < options.MinHetDepth)
                {
                    continue;
                }
            }

            sites.Add(site);
        }

        return (sites.OrderBy(s => s.Contig, StringComparer.Ordinal).ThenBy(s => s.Position).ToArray(), fromNormal ? "matched normal" : "tumour");
    }

    /// <summary>A/C/G/T counts at the target positions with a read of a non-reference base (or, with <paramref name="everyPosition"/>, with any read).</summary>
    private Dictionary<(string, int), int[]> Counts(BamReader bam, IReadOnlyList<CopyNumberTarget> targets, IndexedFastaReader fasta, Dictionary<(string, int), char> refBases, bool everyPosition)
    {
        var result = new Dictionary<(string, int), int[]>();
        var requests = new List<PileupRequest>();
        var kept = new List<CopyNumberTarget>();
        foreach (CopyNumberTarget t in targets)
        {
            int id = bam.Header.GetReferenceId(t.Interval.Contig);
            if (id >= 0 && fasta.TryResolveContig(t.Interval.Contig, out _))
            {
                requests.Add(new PileupRequest { Window = new ReferenceWindow(id, t.Interval.Start, t.Interval.End) });
                kept.Add(t);
            }
        }

        if (requests.Count == 0)
        {
            return result;
        }

        IEnumerable<RegionSpec> regions = kept.Select(t => new RegionSpec(t.Interval.Contig, t.Interval.Start, t.Interval.End));
        IReadOnlyList<PileupCounts> pileups = engine.Pileups(new ReadChunks(bam, regions, chunkReads), requests);
        for (int i = 0; i < kept.Count; i++)
        {
            GenomicInterval interval = kept[i].Interval;
            fasta.TryResolveContig(interval.Contig, out string? fastaName);
            byte[] reference = new byte[interval.Length];
            fasta.Fetch(new GenomicInterval(fastaName!, interval.Start, interval.End), reference);
            PileupCounts p = pileups[i];
            for (int o = 0; o < interval.Length; o++)
            {
                int[] c = [p.Get(o, PileupChannel.A), p.Get(o, PileupChannel.C), p.Get(o, PileupChannel.G), p.Get(o, PileupChannel.T)];
                char r = char.ToUpperInvariant((char)reference[o]);
                int refIndex = "ACGT".IndexOf(r, StringComparison.Ordinal);
                if (refIndex < 0 || c.Sum() == 0 || (!everyPosition && c.Sum() == c[refIndex]))
                {
                    continue;
                }

                var key = (interval.Contig, interval.Start.Value + o);
                if (result.TryGetValue(key, out int[]? existing))
                {
                    continue; // overlapping targets: the first pileup already holds every read
                }

                result[key] = c;
                refBases[key] = r;
            }
        }

        return result;
    }
}
