using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Formats.Bed;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Analysis;

namespace CrbnVariantCaller.Pipeline.CopyNumber;

/// <summary>
/// The bins of a panel of normals. With a capture BED: every BED interval (a target; those on CRBN exons carry the exon
/// number) plus off-target bins tiling every autosome outside the targets (±200 bp). Without a BED (WGS): the CRBN exon
/// windows plus whole-genome bins tiling every autosome. Tiles that are more than half N in the reference are dropped;
/// every bin gets its reference GC fraction.
/// </summary>
public static class CopyNumberBins
{
    /// <summary>The bins and their GC fractions.</summary>
    /// <param name="Bins">The bins, by contig (reference order) and position.</param>
    /// <param name="Gc">GC fraction of each bin (A/C/G/T bases only).</param>
    public sealed record Layout(IReadOnlyList<CopyNumberTarget> Bins, double[] Gc);

    /// <summary>Resolves the bins for a panel.</summary>
    /// <param name="bed">A capture BED, or null for WGS.</param>
    /// <param name="genome">The first normal's genome (contig naming, CRBN).</param>
    /// <param name="fasta">The reference.</param>
    /// <param name="binSize">Tile size; null for the default of the mode.</param>
    public static Layout Resolve(IReadOnlyList<BedRecord>? bed, GenomeContext genome, IndexedFastaReader fasta, int? binSize)
    {
        ArgumentNullException.ThrowIfNull(genome);
        ArgumentNullException.ThrowIfNull(fasta);
        IReadOnlyList<CopyNumberTarget> targets = CopyNumberAnalysis.ResolveTargets(bed, genome);
        BinKind kind = bed is null ? BinKind.Genome : BinKind.Antitarget;
        int size = binSize ?? (bed is null ? CopyNumberTargets.DefaultGenomeBinSize : CopyNumberTargets.DefaultAntitargetBinSize);
        int margin = bed is null ? 0 : CopyNumberTargets.AntitargetMargin;
        GenomicInterval[] exclude = bed is null ? [] : targets.Select(t => t.Interval).ToArray();
        var bins = new List<(CopyNumberTarget Bin, double Gc)>();
        foreach (CopyNumberTarget t in targets)
        {
            (double gc, _) = Composition(fasta, t.Interval);
            bins.Add((t, gc));
        }

        foreach (var contig in genome.Contigs.Where(c => BinNormaliser.IsAutosome(c.Name)))
        {
            foreach (CopyNumberTarget tile in CopyNumberTargets.Tile(contig.Name, (int)contig.Length, size, kind, exclude, margin))
            {
                (double gc, double n) = Composition(fasta, tile.Interval);
                if (n <= 0.5)
                {
                    bins.Add((tile, gc));
                }
            }
        }

        var order = genome.Contigs.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var sorted = bins.OrderBy(b => order.GetValueOrDefault(b.Bin.Interval.Contig, int.MaxValue))
            .ThenBy(b => b.Bin.Interval.Start.Value)
            .ThenBy(b => b.Bin.Kind)
            .ToArray();
        return new Layout(sorted.Select(b => b.Bin).ToArray(), sorted.Select(b => b.Gc).ToArray());
    }

    /// <summary>GC fraction among A/C/G/T and the N fraction of an interval (NaN GC when all N or the contig is missing).</summary>
    public static (double Gc, double N) Composition(IndexedFastaReader fasta, GenomicInterval interval)
    {
        ArgumentNullException.ThrowIfNull(fasta);
        ArgumentNullException.ThrowIfNull(interval);
        if (!fasta.TryResolveContig(interval.Contig, out string? name))
        {
            return (double.NaN, 1);
        }

        byte[] bases = new byte[interval.Length];
        fasta.Fetch(new GenomicInterval(name, interval.Start, interval.End), bases);
        int gc = 0;
        int acgt = 0;
        foreach (byte b in bases)
        {
            switch (b | 0x20)
            {
                case 'g' or 'c':
                    gc++;
                    acgt++;
                    break;
                case 'a' or 't':
                    acgt++;
                    break;
            }
        }

        return (acgt > 0 ? (double)gc / acgt : double.NaN, 1 - ((double)acgt / bases.Length));
    }
}
