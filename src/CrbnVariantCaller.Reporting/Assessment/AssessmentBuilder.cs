using System.Globalization;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// Interprets a filled <see cref="SampleReport"/>: applies <see cref="InterpretationRules"/> to the variants, the Δexon10
/// call, the copy number, the expression percentiles and the signatures, and sets the overall call:
/// <c>resistance_mechanism_detected</c> when any finding is a likely mechanism, else <c>possible</c> when any may
/// contribute, else <c>not_assessable</c> when none of point mutations, Δexon10 and copy number could be assessed,
/// else <c>none_detected</c>.
/// </summary>
public sealed class AssessmentBuilder
{
    /// <summary>The median over coding positions of the smallest detectable VAF (uncovered positions count as 1).</summary>
    private static double MedianDetectableVaf(Model.LimitOfDetection lod)
    {
        double[] values = lod.MinVaf.Select(v => v ?? 1.0).Order().ToArray();
        return values.Length == 0 ? 1.0 : values[values.Length / 2];
    }

    private readonly InterpretationRules _rules;
    private readonly EvidenceKnowledgeBase _evidence;

    /// <summary>Creates a builder with the given rules and sources (defaults when null).</summary>
    public AssessmentBuilder(InterpretationRules? rules = null, EvidenceKnowledgeBase? evidence = null)
    {
        _rules = rules ?? InterpretationRules.Default;
        _evidence = evidence ?? EvidenceKnowledgeBase.Default;
    }

    /// <summary>Builds the assessment with the default rules.</summary>
    public static AssessmentResult Build(SampleReport report) => new AssessmentBuilder().Assess(report);

    /// <summary>Returns the report with its <see cref="SampleReport.Assessment"/> built by the default rules.</summary>
    public static SampleReport WithAssessment(SampleReport report) => report with { Assessment = Build(report) };

    /// <summary>Builds the assessment.</summary>
    public AssessmentResult Assess(SampleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<Finding> findings = [];
        findings.AddRange(report.Variants.Where(v => !_rules.PassOnly || v.IsPass).Select(VariantFinding).OfType<Finding>());
        AddSplicing(report.Splicing, findings);
        AddCopyNumber(report.CopyNumber.Crbn, findings);
        AddExpression(report.Expression, findings);
        AddGermline(report.Germline, findings);
        AddLimitations(report, findings);

        bool pointMutationsAssessed = report.Variants.Any(v => v.IsPass) || MedianDetectableVaf(report.LimitOfDetection) <= _rules.MaxMedianDetectableVaf;
        bool splicingAssessed = report.Splicing.CrbnExon10Skipping.Status != SplicingStatus.NotAssessable;
        bool copyNumberAssessed = report.CopyNumber.Crbn.State != CopyNumberState.NotAssessable;

        OverallAssessment overall =
            findings.Any(f => f.Level == FindingLevel.ResistanceMechanism) ? OverallAssessment.ResistanceMechanismDetected
            : findings.Any(f => f.Level == FindingLevel.Possible) ? OverallAssessment.Possible
            : !(pointMutationsAssessed || splicingAssessed || copyNumberAssessed) ? OverallAssessment.NotAssessable
            : OverallAssessment.NoneDetected;

        List<Finding> ordered = [.. findings.OrderBy(f => f.Level)];
        return new AssessmentResult
        {
            Overall = overall,
            Findings = ordered,
            Summary = Summary(overall, ordered, pointMutationsAssessed, splicingAssessed, copyNumberAssessed),
            Rules = _rules.Name,
        };
    }

    private Finding? VariantFinding(VariantReport v)
    {
        string[] terms = v.Consequence.Split(['&', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool missense = terms.Any(_rules.MissenseTerms.Contains);
        bool truncating = terms.Any(_rules.TruncatingTerms.Contains);
        bool altering = terms.Any(_rules.ProteinAlteringTerms.Contains);
        bool otherCoding = terms.Any(_rules.OtherCodingTerms.Contains);
        int? codon = v.Codon;
        string name = Describe(v);
        string evidence = string.Create(CultureInfo.InvariantCulture,
            $"{v.Chrom}:{v.Pos} {v.Ref}>{v.Alt}, {v.Consequence}, VAF {v.Vaf:0.####} ({v.AltReads}/{v.Depth} reads, {v.Source.ToString().ToLowerInvariant()}), strands ref {v.RefFwd}+/{v.RefRev}- alt {v.AltFwd}+/{v.AltRev}-");

        string? reason = null;
        if (missense && codon is int c1 && c1 >= _rules.DomainStart && c1 <= _rules.DomainEnd)
        {
            reason = $"missense change in the CULT drug-binding domain (residues {_rules.DomainStart}-{_rules.DomainEnd})";
        }
        else if (truncating && codon is int c2 && c2 < _rules.TruncatingBeforeCodon)
        {
            reason = $"truncating change (frameshift, nonsense or essential splice) before codon {_rules.TruncatingBeforeCodon}, upstream of or within the drug-binding domain";
        }
        else if (altering && codon is int c3 && _rules.PocketResidues.Contains(c3))
        {
            reason = "protein-altering change of a drug-binding pocket residue";
        }

        if (reason is not null)
        {
            return new Finding
            {
                Category = FindingCategory.PointMutation,
                Level = FindingLevel.ResistanceMechanism,
                Statement = $"CRBN {name}: {reason}; likely IMiD resistance mechanism.",
                Evidence = evidence,
                Citations = _evidence.Texts(EvidenceKnowledgeBase.UniProt, EvidenceKnowledgeBase.Gooding2021, EvidenceKnowledgeBase.MyelomaXi2021),
            };
        }

        if (altering || otherCoding)
        {
            return new Finding
            {
                Category = FindingCategory.PointMutation,
                Level = FindingLevel.UncertainSignificance,
                Statement = altering
                    ? $"CRBN {name}: coding change outside the rule's resistance criteria; variant of uncertain significance."
                    : $"CRBN {name}: does not change the protein; variant of uncertain significance.",
                Evidence = evidence,
                Citations = _evidence.Texts(EvidenceKnowledgeBase.UniProt),
            };
        }

        return null;
    }

    private void AddSplicing(SplicingSection splicing, List<Finding> findings)
    {
        Exon10Skipping e10 = splicing.CrbnExon10Skipping;
        string counts = string.Create(CultureInfo.InvariantCulture,
            $"skip reads {e10.SkipReads}, inclusion reads {e10.InclusionReads}, psi_skipped {Fmt(e10.PsiSkipped)} (95% CI {Fmt(e10.CiLow)}-{Fmt(e10.CiHigh)}); {e10.Reasoning}");
        switch (e10.Status)
        {
            case SplicingStatus.Detected:
                findings.Add(new Finding
                {
                    Category = FindingCategory.Splicing,
                    Level = FindingLevel.ResistanceMechanism,
                    Statement = "CRBN exon 10 skipping (Δexon10) detected: the in-frame deletion removes residues 340-382 of the drug-binding domain, including H378 and W380.",
                    Evidence = counts,
                    Citations = _evidence.Texts(EvidenceKnowledgeBase.Gooding2021, EvidenceKnowledgeBase.NanoString, EvidenceKnowledgeBase.UniProt),
                });
                break;
            case SplicingStatus.NotAssessable:
                findings.Add(new Finding
                {
                    Category = FindingCategory.Splicing,
                    Level = FindingLevel.Limitation,
                    Statement = "CRBN exon 10 skipping could not be assessed.",
                    Evidence = counts,
                    Citations = _evidence.Texts(EvidenceKnowledgeBase.Gooding2021),
                });
                break;
        }

        foreach (JunctionReport j in splicing.Junctions)
        {
            bool otherSkip = j.Label is string label && label.Contains("skip", StringComparison.OrdinalIgnoreCase)
                && !label.Contains("10", StringComparison.Ordinal);
            if (otherSkip && j.UniqueReads >= _rules.OtherSkipMinReads)
            {
                findings.Add(new Finding
                {
                    Category = FindingCategory.Splicing,
                    Level = FindingLevel.Possible,
                    Statement = $"CRBN junction {j.Label}: {j.PredictedEffect ?? "alternative splicing of CRBN"}.",
                    Evidence = $"{j.Chrom}:{j.IntronStart}-{j.IntronEnd} ({j.Strand}), {j.UniqueReads} unique reads",
                    Citations = _evidence.Texts(EvidenceKnowledgeBase.NanoString),
                });
            }
        }
    }

    private void AddCopyNumber(CrbnCopyNumber cn, List<Finding> findings)
    {
        string evidence = string.Create(CultureInfo.InvariantCulture,
            $"log2 ratio {Fmt(cn.Log2Ratio)}, estimated copies {Fmt(cn.EstimatedCopies)}, exons affected [{string.Join(", ", cn.ExonsAffected)}]; {cn.Method}");
        (FindingLevel? level, string statement) = cn.State switch
        {
            CopyNumberState.HomozygousLoss => ((FindingLevel?)FindingLevel.ResistanceMechanism, "Homozygous loss of CRBN: no intact copy remains in the tumour."),
            CopyNumberState.HemizygousLoss => (FindingLevel.Possible, "Hemizygous (one-copy) loss of CRBN."),
            CopyNumberState.PartialLoss => (FindingLevel.Possible, "Partial loss of CRBN exons."),
            CopyNumberState.NotAssessable => (FindingLevel.Limitation, "CRBN copy number could not be assessed."),
            _ => (null, string.Empty),
        };
        if (level is FindingLevel l)
        {
            findings.Add(new Finding
            {
                Category = FindingCategory.CopyNumber,
                Level = l,
                Statement = statement,
                Evidence = cn.Reasoning is null ? evidence : $"{evidence}. {cn.Reasoning}",
                Citations = _evidence.Texts(EvidenceKnowledgeBase.Gooding2021),
            });
        }
    }

    private void AddExpression(ExpressionSection expression, List<Finding> findings)
    {
        foreach (BiomarkerRule rule in _rules.Biomarkers)
        {
            if (!expression.Genes.TryGetValue(rule.Gene, out GeneExpression? gene) || gene.Percentile is not double p)
            {
                continue;
            }

            bool flagged = rule.AdverseWhenHigh ? p >= rule.HighPercentile : p <= rule.LowPercentile;
            if (!flagged)
            {
                continue;
            }

            findings.Add(new Finding
            {
                Category = FindingCategory.Expression,
                Level = rule.RaisesOverall ? FindingLevel.Possible : FindingLevel.Informational,
                Statement = string.Create(CultureInfo.InvariantCulture, $"{rule.Gene} expression at percentile {p:0} of {expression.PercentileReference ?? "the reference"}: {rule.Meaning}."),
                Evidence = string.Create(CultureInfo.InvariantCulture, $"{rule.Gene}: counts {gene.Counts:0.##}, TPM {Fmt(gene.Tpm)}, percentile {p:0.#}"),
                Citations = _evidence.Texts([.. rule.CitationKeys]),
            });
        }

        foreach (SignatureScore s in expression.Signatures.Where(s => s.Score is not null))
        {
            findings.Add(new Finding
            {
                Category = FindingCategory.Signature,
                Level = FindingLevel.Informational,
                Statement = string.Create(CultureInfo.InvariantCulture, $"Signature {s.Name} ({s.Method}): score {s.Score:0.###}{(s.Percentile is double sp ? $", percentile {sp:0}" : string.Empty)}."),
                Evidence = $"{s.GenesUsed} genes used; missing: {(s.GenesMissing.Count == 0 ? "none" : string.Join(", ", s.GenesMissing))}. {s.Interpretation}",
                Citations = _evidence.Texts(EvidenceKnowledgeBase.Imid14),
            });
        }
    }

    private void AddGermline(GermlineSection germline, List<Finding> findings)
    {
        List<GermlineSnp> carried = germline.Snps.Where(s => s.Genotype is "0/1" or "1/1" or "0|1" or "1|0" or "1|1").ToList();
        if (carried.Count > 0)
        {
            findings.Add(new Finding
            {
                Category = FindingCategory.Germline,
                Level = FindingLevel.Informational,
                Statement = "Germline pharmacogenetic variants carried: " + string.Join(", ", carried.Select(s => $"{s.Gene} {s.Id} {s.Genotype}")) + ".",
                Evidence = string.Join("; ", carried.Select(s => $"{s.Id} {s.Ref}>{s.Alt} {s.RefReads}/{s.AltReads} of {s.Depth} reads")),
                Citations = _evidence.Texts(EvidenceKnowledgeBase.MclGermline),
            });
        }
    }

    private static void AddLimitations(SampleReport report, List<Finding> findings)
    {
        if (report.NotAssessable.Count > 0)
        {
            findings.Add(new Finding
            {
                Category = FindingCategory.Coverage,
                Level = FindingLevel.Limitation,
                Statement = $"{report.NotAssessable.Count} item(s) could not be assessed; see not_assessable.",
                Evidence = string.Join("; ", report.NotAssessable.Take(5).Select(n => $"{n.What}: {n.Why}")) + (report.NotAssessable.Count > 5 ? "; ..." : string.Empty),
            });
        }
    }

    private static string Summary(OverallAssessment overall, List<Finding> findings, bool dna, bool splicing, bool cn)
    {
        string assessed = string.Join(", ", new[] { dna ? "point mutations" : null, splicing ? "exon 10 skipping" : null, cn ? "copy number" : null }.OfType<string>());
        string lead = findings.FirstOrDefault(f => f.Level is FindingLevel.ResistanceMechanism or FindingLevel.Possible)?.Statement ?? string.Empty;
        return overall switch
        {
            OverallAssessment.ResistanceMechanismDetected => $"Resistance mechanism detected. {lead}",
            OverallAssessment.Possible => $"Possible resistance mechanism. {lead}",
            OverallAssessment.NoneDetected => $"No CRBN resistance mechanism detected (assessed: {assessed}).",
            _ => "Not assessable: none of point mutations, exon 10 skipping or copy number could be assessed.",
        };
    }

    private static string Describe(VariantReport v) =>
        string.Join(' ', new[] { v.HgvsC, v.HgvsP }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } hgvs ? hgvs : $"{v.Chrom}:{v.Pos}{v.Ref}>{v.Alt}";

    private static string Fmt(double? value) => value is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
}
