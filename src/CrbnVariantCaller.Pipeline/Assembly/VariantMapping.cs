using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Pipeline.Assembly;

/// <summary>Turns the SNV caller's results into the report's variant, known-residue, QC and limit-of-detection sections.</summary>
public static class VariantMapping
{
    /// <summary>Reported variants: PASS and filtered alike (the filter column says which).</summary>
    public static IEnumerable<VariantReport> Variants(SnvCallSet calls, TranscriptModel crbn, VariantSource source)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var knownCodons = new HashSet<int>(KnownCodons.All.Select(r => r.Codon));
        foreach (SnvVariant v in calls.Variants)
        {
            int? proteinPosition = v.Annotation?.ProteinPosition;
            int? codon = proteinPosition ?? NearestCodon(crbn, v.Position);
            yield return new VariantReport
            {
                Chrom = v.Contig,
                Pos = v.Position,
                Ref = v.Ref,
                Alt = v.Alt,
                Vaf = v.Vaf,
                Depth = v.Depth,
                AltReads = v.AltCounts.Total,
                RefReads = v.RefCounts.Total,
                RefFwd = v.RefCounts.Forward,
                RefRev = v.RefCounts.Reverse,
                AltFwd = v.AltCounts.Forward,
                AltRev = v.AltCounts.Reverse,
                Quality = v.Quality,
                PValue = v.PValue,
                Genotype = v.Vaf >= 0.9 ? "1/1" : "0/1",
                Gene = crbn.GeneSymbol,
                Transcript = crbn.TranscriptId,
                HgvsC = v.Annotation?.HgvsC,
                HgvsP = v.Annotation?.HgvsP,
                Consequence = v.Annotation?.ConsequenceTerms ?? "intergenic_variant",
                Codon = codon,
                Exon = v.Annotation?.Exon,
                Filter = v.FilterText,
                InDrugBindingDomain = v.Annotation?.InDrugBindingDomain ?? false,
                Source = source,
                IsKnownResidue = proteinPosition is int c && knownCodons.Contains(c),
            };
        }
    }

    /// <summary>The allele counts at every base of every forced-genotyped key residue.</summary>
    public static IEnumerable<KnownResidueObservation> KnownResidues(SnvCallSet calls, string contig, VariantSource source)
    {
        ArgumentNullException.ThrowIfNull(calls);
        foreach (KnownResidueGenotype residue in calls.KnownResidueGenotypes)
        {
            KeyResidue? key = KnownCodons.ByCodon(residue.Codon);
            for (int i = 0; i < residue.Bases.Count; i++)
            {
                var b = residue.Bases[i];
                int refReads = CountOf(b, b.Reference);
                int altReads = b.A.Total + b.C.Total + b.G.Total + b.T.Total - refReads; // N calls and deletions are not alleles here
                yield return new KnownResidueObservation
                {
                    Residue = residue.Label,
                    Codon = residue.Codon,
                    Roles = key is null ? [] : RoleNames(key.Roles),
                    Chrom = contig,
                    Pos = b.Position,
                    CodonBase = i + 1,
                    RefBase = b.Reference.ToString(),
                    Depth = b.Depth,
                    RefReads = refReads,
                    AltReads = altReads,
                    AltFraction = b.Depth == 0 ? null : (double)altReads / b.Depth,
                    MinDetectableVaf = double.IsFinite(b.MinimumDetectableVaf) ? b.MinimumDetectableVaf : null,
                    Source = source,
                };
            }
        }
    }

    /// <summary>Coverage QC over the CRBN coding exons.</summary>
    public static QcSummary Qc(SnvCallSet calls, VariantSource source) => new()
    {
        MeanDepth = calls.Qc.MeanDepth,
        MinDepth = calls.DetectionLimits.Count == 0 ? null : calls.DetectionLimits.Min(d => d.Depth),
        MedianDepth = Median(calls.DetectionLimits.Select(d => d.Depth)),
        FractionAtLeast100x = calls.Qc.FractionAtLeast100,
        FractionAtLeast500x = calls.Qc.FractionAtLeast500,
        DuplicateRate = calls.Qc.DuplicateRate,
        CodingBases = calls.Qc.CodingBases,
        ReadsExamined = calls.Qc.Reads,
        Source = source,
    };

    /// <summary>The smallest detectable VAF at every tested position, as columns.</summary>
    public static LimitOfDetection LimitOfDetection(SnvCallSet calls, string contig, double targetVaf, string method) => new()
    {
        Method = method,
        Chrom = contig,
        TargetVaf = targetVaf,
        Positions = calls.DetectionLimits.Select(d => d.Position).ToArray(),
        Depths = calls.DetectionLimits.Select(d => d.Depth).ToArray(),
        MinVaf = calls.DetectionLimits.Select(d => d.Depth == 0 || !double.IsFinite(d.MinimumVaf) ? (double?)null : d.MinimumVaf).ToArray(),
        PositionsAboveTarget = calls.DetectionLimits.Count(d => d.Depth == 0 || !(d.MinimumVaf <= targetVaf)),
    };

    /// <summary>Regions the caller could not judge, with the reason.</summary>
    public static IEnumerable<NotAssessableItem> NotAssessable(SnvCallSet calls, string assay) =>
        calls.NotAssessable.Select(n => new NotAssessableItem($"{assay}: {n.What} {n.Interval}", n.Reason));

    private static int CountOf(Calling.Snv.AlleleCounts b, char baseChar) => char.ToUpperInvariant(baseChar) switch
    {
        'A' => b.A.Total,
        'C' => b.C.Total,
        'G' => b.G.Total,
        'T' => b.T.Total,
        _ => 0,
    };

    private static string[] RoleNames(ResidueRole roles) =>
        Enum.GetValues<ResidueRole>()
            .Where(r => r != ResidueRole.None && roles.HasFlag(r))
            .Select(r => r.ToString())
            .ToArray();

    /// <summary>For a splice-site or UTR variant, the codon of the nearest coding base (the rules need one).</summary>
    private static int? NearestCodon(TranscriptModel crbn, Position position)
    {
        for (int d = 0; d <= 50; d++)
        {
            foreach (int delta in d == 0 ? new[] { 0 } : new[] { -d, d })
            {
                if (position.Value + delta >= 1 && crbn.TryGetCodon(position.Offset(delta), out int codon, out _))
                {
                    return codon;
                }
            }
        }

        return null;
    }

    private static double? Median(IEnumerable<int> values)
    {
        int[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }
}
