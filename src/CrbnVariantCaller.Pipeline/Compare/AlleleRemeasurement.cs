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
/// assumed absent, at the other, with the SNV/indel caller's own counts, so that a re-measured count means what the
/// caller's AD and DP mean: SNVs (<see cref="SnvCaller.MeasureSnvs"/>) as the alt base in the caller's filtered pileup
/// (base quality ≥ 20, mapping quality ≥ 20, overlapping mates once); insertions and deletions
/// (<see cref="SnvCaller.MeasureIndels"/>) as reads whose CIGAR carries the same indel after left-normalisation, against
/// the filtered pileup depth at the anchor base. Only variants on the CRBN contig inside the caller's tested region
/// (coding exons and splice flanks) are counted, since the caller calls nothing elsewhere; others are left uncounted.
/// </summary>
public static class AlleleRemeasurement
{
    /// <summary>Alt and total reads at each SNV and indel of <paramref name="keys"/> that lies in the caller's tested region of CRBN.</summary>
    public static IReadOnlyDictionary<VariantKey, AlleleCount> Count(
        string bamPath, IndexedFastaReader reference, IReadOnlyCollection<VariantKey> keys, ComputeEngine engine, int threads)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(engine);
        using var bam = new BamReader(bamPath, threads);
        GenomeContext genome = GenomeContext.Resolve(bam, reference);
        List<VariantKey> onCrbn = [.. keys.Where(k => genome.FindContig(k.Chrom) == genome.CrbnRegion.Contig).Distinct()];
        List<VariantKey> snvs = [.. onCrbn.Where(IsSnv)];
        List<VariantKey> indels = [.. onCrbn.Where(IsIndel)];
        var counts = new Dictionary<VariantKey, AlleleCount>();
        if (snvs.Count == 0 && indels.Count == 0)
        {
            return counts;
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
        SnvReadSource reads = SiteReads.Source(bam, genome.CrbnRegion, ReadChunks.DefaultMaxReads);
        var pileups = new SnvPileups(engine.Pileups(reads.Chunks, caller.PileupRequests(input).Tumor), null);

        Add(counts, snvs, caller.MeasureSnvs(input, pileups, [.. snvs.Select(k => new SnvAllele(new Position(k.Pos), k.Alt[0]))]));
        if (indels.Count > 0)
        {
            List<IndelAllele> alleles = [.. indels.Select(k => new IndelAllele(new Position(k.Pos), k.Ref, k.Alt))];
            Add(counts, indels, caller.MeasureIndels(
                input with { Tumor = reads.ReadsCovering(caller.IndelMeasurementPositions(input, alleles)) }, pileups, alleles));
        }

        return counts;
    }

    /// <summary>True for a single-base substitution (what the pileup can count).</summary>
    public static bool IsSnv(VariantKey key) => key.Ref.Length == 1 && key.Alt.Length == 1 && "ACGT".Contains(key.Ref[0]) && "ACGT".Contains(key.Alt[0]);

    /// <summary>True for a simple insertion or deletion in VCF form (anchor base first).</summary>
    public static bool IsIndel(VariantKey key) => IndelAllele.IsSimpleIndel(key.Ref, key.Alt);

    private static void Add(Dictionary<VariantKey, AlleleCount> counts, List<VariantKey> keys, IReadOnlyList<AlleleMeasurement?> measured)
    {
        for (int i = 0; i < keys.Count; i++)
        {
            if (measured[i] is AlleleMeasurement m)
            {
                counts[keys[i]] = new AlleleCount(m.AltReads, m.Depth);
            }
        }
    }
}
