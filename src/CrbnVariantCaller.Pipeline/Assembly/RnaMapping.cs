using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Calling.Signatures;
using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Reporting.Model;
using CallingExon10 = CrbnVariantCaller.Calling.Splicing.Exon10Skipping;
using ReportExon10 = CrbnVariantCaller.Reporting.Model.Exon10Skipping;
using ReportGeneExpression = CrbnVariantCaller.Reporting.Model.GeneExpression;

namespace CrbnVariantCaller.Pipeline.Assembly;

/// <summary>Turns splicing, expression, signature and germline results into their report sections.</summary>
public static class RnaMapping
{
    /// <summary>The splicing section: exon 10 skipping and every CRBN junction.</summary>
    public static SplicingSection Splicing(CrbnSplicingResult result, StrandednessCall strandedness)
    {
        ArgumentNullException.ThrowIfNull(result);
        CallingExon10 e = result.Exon10;
        return new SplicingSection
        {
            CrbnExon10Skipping = new ReportExon10
            {
                Status = e.Status switch
                {
                    SkippingStatus.Detected => SplicingStatus.Detected,
                    SkippingStatus.NotDetected => SplicingStatus.NotDetected,
                    _ => SplicingStatus.NotAssessable,
                },
                PsiSkipped = e.PsiSkipped,
                CiLow = e.CiLow,
                CiHigh = e.CiHigh,
                SkipReads = e.SkipReads,
                InclusionReads = e.InclusionReads,
                UpstreamInclusionReads = e.Intron9Reads,
                DownstreamInclusionReads = e.Intron10Reads,
                Normalisation = CallingExon10.Normalisation,
                IntervalMethod = $"Wilson score interval, {e.ConfidenceLevel:P0}",
                Reasoning = e.Reasoning,
                ProteinChange = e.ProteinChange,
            },
            Junctions = result.Junctions.Select(j => new JunctionReport
            {
                Chrom = j.Contig,
                IntronStart = j.IntronStart,
                IntronEnd = j.IntronEnd,
                Strand = j.Strand switch { Strand.Plus => "+", Strand.Minus => "-", _ => "." },
                UniqueReads = j.Reads,
                Annotated = j.Kind == JunctionKind.AnnotatedIntron || j.Kind == JunctionKind.ExonSkip,
                Label = j.Label,
                PredictedEffect = j.ProteinEffect,
            }).ToArray(),
            StrandSource = $"{result.StrandSource}; library {strandedness.Label} ({strandedness.Source})",
        };
    }

    /// <summary>The expression section for the report genes, with percentiles when a reference is given.</summary>
    public static ExpressionSection Expression(
        ExpressionProfile profile,
        long? librarySize,
        ReferenceCohort? cohort,
        string? cohortName,
        IReadOnlyList<SignatureScore> signatures)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var genes = new Dictionary<string, ReportGeneExpression>(StringComparer.Ordinal);
        foreach (string symbol in BiomarkerGenes.Symbols)
        {
            if (profile[symbol] is not { } g)
            {
                continue;
            }

            genes[symbol] = new ReportGeneExpression
            {
                Counts = g.Counts ?? 0,
                Tpm = g.Tpm,
                Cpm = g.Cpm,
                Percentile = cohort?.Percentile(symbol, g.Tpm).Percentile,
            };
        }

        return new ExpressionSection
        {
            Genes = genes,
            Signatures = signatures,
            Source = profile.Source,
            PercentileReference = cohortName,
            LibrarySize = librarySize,
        };
    }

    /// <summary>Both signature scores for <paramref name="signature"/>.</summary>
    public static IReadOnlyList<SignatureScore> Signatures(GeneSignature signature, ExpressionProfile profile)
    {
        IReadOnlyDictionary<string, double> tpm = profile.TpmBySymbol();
        DifferenceScore difference = DifferenceScorer.Score(signature, tpm);
        RankScore rank = RankScorer.Score(signature, tpm);
        return
        [
            new SignatureScore
            {
                Name = signature.Name,
                Method = difference.Method,
                Score = difference.Score,
                GenesUsed = difference.AdverseUsed.Count + difference.FavourableUsed.Count,
                GenesMissing = difference.Missing,
                Interpretation = "higher = more adverse-gene expression; relative to a cohort only, no absolute cut-off",
            },
            new SignatureScore
            {
                Name = signature.Name,
                Method = rank.Method,
                Score = rank.TotalScore,
                GenesUsed = signature.Genes.Count - rank.Missing.Count,
                GenesMissing = rank.Missing,
                Interpretation = $"rank-based within the sample's own {rank.UniverseSize} genes (range -0.5..0.5); needs no cohort",
            },
        ];
    }

    /// <summary>Germline genotypes at the configured sites.</summary>
    public static GermlineSection Germline(GermlineTypingResult result, VariantSource source) => new()
    {
        Snps = result.Genotypes.Select(g => new GermlineSnp
        {
            Id = g.Site.Id,
            Gene = g.Site.Gene,
            Chrom = g.Site.Contig,
            Pos = g.Site.Position,
            Ref = g.Site.Reference.ToString(),
            Alt = string.Join(',', g.Site.Alternates),
            Genotype = g.Genotype,
            StudyGenotype = StudyAlleles.Describe(g.Site, g.Genotype),
            Depth = g.Depth,
            RefReads = g.ReferenceReads,
            AltReads = g.AlternateReads,
            AlleleDepths = g.AlleleCounts,
            GenotypeQuality = g.GenotypeQuality,
            Source = source,
            Note = g.Reason ?? (string.IsNullOrEmpty(g.Site.Note) ? null : g.Site.Note),
        }).ToArray(),
    };
}
