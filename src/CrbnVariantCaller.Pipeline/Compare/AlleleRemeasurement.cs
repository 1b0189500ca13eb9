using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;
using CrbnVariantCaller.Reporting.Compare;

namespace CrbnVariantCaller.Pipeline.Compare;

/// <summary>
/// Counts the alleles of given variants in a DNA BAM, so that a variant called at one time point is measured, not
/// assumed absent, at the other. SNVs: the germline typer's pileup (base quality ≥ 13, mapping quality ≥ 20).
/// Insertions and deletions in CRBN: the SNV/indel caller's own counts (<see cref="SnvCaller.MeasureIndels"/>): reads
/// whose CIGAR carries the same indel after left-normalisation, against the filtered pileup depth at the anchor base.
/// </summary>
public static class AlleleRemeasurement
{
    /// <summary>Alt and total reads at each SNV and CRBN indel of <paramref name="keys"/> found in the BAM's contigs.</summary>
    public static IReadOnlyDictionary<VariantKey, AlleleCount> Count(
        string bamPath, IndexedFastaReader reference, IReadOnlyCollection<VariantKey> keys, ComputeEngine engine, int threads)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(keys);
        using var bam = new BamReader(bamPath, threads);
        GenomeContext genome = GenomeContext.Resolve(bam, reference);
        var counts = new Dictionary<VariantKey, AlleleCount>();
        CountSnvs(bam, genome, [.. keys.Where(IsSnv).Distinct()], engine, counts);
        CountIndels(bam, genome, reference, [.. keys.Where(IsIndel).Distinct()], engine, counts);
        return counts;
    }

    /// <summary>True for a single-base substitution (what the pileup can count).</summary>
    public static bool IsSnv(VariantKey key) => key.Ref.Length == 1 && key.Alt.Length == 1 && "ACGT".Contains(key.Ref[0]) && "ACGT".Contains(key.Alt[0]);

    /// <summary>True for a simple insertion or deletion in VCF form (anchor base first).</summary>
    public static bool IsIndel(VariantKey key) => IndelAllele.IsSimpleIndel(key.Ref, key.Alt);

    private static void CountSnvs(BamReader bam, GenomeContext genome, List<VariantKey> snvs, ComputeEngine engine, Dictionary<VariantKey, AlleleCount> counts)
    {
        if (snvs.Count == 0)
        {
            return;
        }

        var sites = new GermlineSiteTable(genome.Build, snvs.Select((k, i) => new GermlineSite($"v{i}", "CRBN", k.Chrom, new Position(k.Pos), k.Ref[0], [k.Alt[0]])), "crbn compare");
        GermlineTypingResult typed = DnaAnalysis.TypeGermline(bam, genome, sites, engine, ReadChunks.DefaultMaxReads);
        for (int i = 0; i < snvs.Count; i++)
        {
            GermlineGenotype g = typed.Genotypes[i];
            counts[snvs[i]] = new AlleleCount(g.AlleleCounts.Count > 1 ? g.AlleleCounts[1] : 0, g.Depth);
        }
    }

    /// <summary>Indels on the CRBN contig, counted by the caller over its tested region (others are left uncounted).</summary>
    private static void CountIndels(BamReader bam, GenomeContext genome, IndexedFastaReader reference, List<VariantKey> indels, ComputeEngine engine, Dictionary<VariantKey, AlleleCount> counts)
    {
        indels = indels.Where(k => genome.FindContig(k.Chrom) == genome.CrbnRegion.Contig).ToList();
        if (indels.Count == 0)
        {
            return;
        }

        var caller = new SnvCaller(new SnvCallerOptions());
        var input = new SnvCallInput
        {
            Tumor = ReadBatch.Empty,
            Reference = genome.CrbnReference(reference),
            ReferenceId = genome.CrbnReferenceId,
            Transcript = genome.Crbn,
            IsRna = false,
        };
        List<IndelAllele> alleles = indels.Select(k => new IndelAllele(new Position(k.Pos), k.Ref, k.Alt)).ToList();
        SnvReadSource reads = SiteReads.Source(bam, genome.CrbnRegion, ReadChunks.DefaultMaxReads);
        var pileups = new SnvPileups(engine.Pileups(reads.Chunks, caller.PileupRequests(input).Tumor), null);
        IReadOnlyList<IndelMeasurement?> measured = caller.MeasureIndels(
            input with { Tumor = reads.ReadsCovering(caller.IndelMeasurementPositions(input, alleles)) }, pileups, alleles);
        for (int i = 0; i < indels.Count; i++)
        {
            if (measured[i] is IndelMeasurement m)
            {
                counts[indels[i]] = new AlleleCount(m.AltReads, m.Depth);
            }
        }
    }
}
