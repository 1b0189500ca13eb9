using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.Pipeline.Ingest;
using CrbnVariantCaller.Reporting.Compare;

namespace CrbnVariantCaller.Pipeline.Compare;

/// <summary>
/// Counts the alleles of given SNVs in a DNA BAM (the germline typer's pileup: base quality ≥ 13, mapping quality ≥ 20),
/// so that a variant called at one time point is measured, not assumed absent, at the other. Indels are not
/// re-measured (the pileup counts bases); the comparison says so.
/// </summary>
public static class AlleleRemeasurement
{
    /// <summary>Alt and total reads at each SNV of <paramref name="keys"/> found in the BAM's contigs.</summary>
    public static IReadOnlyDictionary<VariantKey, AlleleCount> Count(
        string bamPath, IndexedFastaReader reference, IReadOnlyCollection<VariantKey> keys, ComputeEngine engine, int threads)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(keys);
        using var bam = new BamReader(bamPath, threads);
        GenomeContext genome = GenomeContext.Resolve(bam, reference);
        List<VariantKey> snvs = keys.Where(IsSnv).Distinct().ToList();
        if (snvs.Count == 0)
        {
            return new Dictionary<VariantKey, AlleleCount>();
        }

        var sites = new GermlineSiteTable(genome.Build, snvs.Select((k, i) => new GermlineSite($"v{i}", "CRBN", k.Chrom, new Position(k.Pos), k.Ref[0], [k.Alt[0]])), "crbn compare");
        GermlineTypingResult typed = DnaAnalysis.TypeGermline(bam, genome, sites, engine, ReadChunks.DefaultMaxReads);
        var counts = new Dictionary<VariantKey, AlleleCount>();
        for (int i = 0; i < snvs.Count; i++)
        {
            GermlineGenotype g = typed.Genotypes[i];
            counts[snvs[i]] = new AlleleCount(g.AlleleCounts.Count > 1 ? g.AlleleCounts[1] : 0, g.Depth);
        }

        return counts;
    }

    /// <summary>True for a single-base substitution (what the pileup can count).</summary>
    public static bool IsSnv(VariantKey key) => key.Ref.Length == 1 && key.Alt.Length == 1 && "ACGT".Contains(key.Ref[0]) && "ACGT".Contains(key.Alt[0]);
}
