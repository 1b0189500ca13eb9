using System.Globalization;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// Interprets a filled <see cref="SampleReport"/>: applies <see cref="InterpretationRules"/> to the variants, the Δexon10
/// call, the copy number, the expression percentiles (in the report's <see cref="SampleReport.Setting"/>) and the germline
/// genotypes; gives every finding an AMP/ASCO/CAP tier with the rule that set it and PMID/DOI citations from the
/// versioned <see cref="EvidenceTable"/>, numbered in one reference list; and sets the overall call:
/// <c>resistance_mechanism_detected</c> when any finding is a likely mechanism, else <c>possible</c> when any may
/// contribute, else <c>not_assessable</c> when none of point mutations, Δexon10 and copy number could be assessed,
/// else <c>none_detected</c>.
/// </summary>
public sealed class AssessmentBuilder
{
    private const string Tier2Rule = "Tier II (potential clinical significance): ";
    private const string Tier3Rule = "Tier III (unknown clinical significance): ";

    private readonly InterpretationRules _rules;
    private readonly EvidenceTable _evidence;

    /// <summary>Creates a builder with the given rules and evidence table (defaults when null).</summary>
    public AssessmentBuilder(InterpretationRules? rules = null, EvidenceTable? evidence = null)
    {
        _rules = rules ?? InterpretationRules.Default;
        _evidence = evidence ?? EvidenceTable.Default;
    }

    /// <summary>Builds the assessment with the default rules.</summary>
    public static AssessmentResult Build(SampleReport report) => new AssessmentBuilder().Assess(report);

    /// <summary>Returns the report with its <see cref="SampleReport.Assessment"/> built by the default rules.</summary>
    public static SampleReport WithAssessment(SampleReport report) => report with { Assessment = Build(report) };

    /// <summary>Builds the assessment.</summary>
    public AssessmentResult Assess(SampleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var extraSources = new Dictionary<string, EvidenceSource>(StringComparer.Ordinal);
        List<Finding> findings = [];
        findings.AddRange(report.Variants.Where(v => !_rules.PassOnly || v.IsPass).Select(v => VariantFinding(v, report.LabFunctionalVariants, extraSources)).OfType<Finding>());
        AddSplicing(report.Splicing, findings);
        AddCopyNumber(report.CopyNumber.Crbn, findings);
        AddExpression(report.Expression, report.Setting, findings);
        AddGermline(report.Germline, findings);
        AddLimitations(report, findings);

        bool pointMutationsAssessed = report.Variants.Any(v => v.IsPass) || MedianDetectableVaf(report.LimitOfDetection) <= _rules.MaxMedianDetectableVaf;
        bool splicingAssessed = report.Splicing.CrbnExon10Skipping.Status != SplicingStatus.NotAssessable;
        bool copyNumberAssessed = report.CopyNumber.Crbn.Call != CopyNumberState.NotAssessable;

        OverallAssessment overall =
            findings.Any(f => f.Level == FindingLevel.ResistanceMechanism) ? OverallAssessment.ResistanceMechanismDetected
            : findings.Any(f => f.Level == FindingLevel.Possible) ? OverallAssessment.Possible
            : !(pointMutationsAssessed || splicingAssessed || copyNumberAssessed) ? OverallAssessment.NotAssessable
            : OverallAssessment.NoneDetected;

        List<Finding> ordered = [.. findings.OrderBy(f => f.Level)];
        (List<Finding> cited, List<ReferenceEntry> references) = Number(ordered, extraSources);
        return new AssessmentResult
        {
            Overall = overall,
            Findings = cited,
            Summary = Summary(overall, cited, pointMutationsAssessed, splicingAssessed, copyNumberAssessed),
            Rules = _rules.Name,
            Setting = report.Setting,
            EvidenceVersion = _evidence.Version,
            EvidenceDate = _evidence.Date,
            References = references,
        };
    }

    /// <summary>
    /// The grade of one variant under these rules and the lab's table of functionally tested variants, when given
    /// (<see cref="FindingLevel.ResistanceMechanism"/> for a likely mechanism, <see cref="FindingLevel.UncertainSignificance"/>
    /// for a VUS), or null when it is not a coding or splice change.
    /// </summary>
    public FindingLevel? Grade(VariantReport variant, FunctionalVariantTable? lab = null)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return VariantFinding(variant, lab, new Dictionary<string, EvidenceSource>(StringComparer.Ordinal))?.Level;
    }

    /// <summary>Numbers the cited sources in order of first citation and fills each finding's printed citations.</summary>
    private (List<Finding>, List<ReferenceEntry>) Number(List<Finding> findings, Dictionary<string, EvidenceSource> extra)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var references = new List<ReferenceEntry>();
        var result = new List<Finding>(findings.Count);
        foreach (Finding f in findings)
        {
            var texts = new List<string>();
            var nums = new List<int>();
            foreach (string key in f.CitationKeys)
            {
                EvidenceSource source = extra.TryGetValue(key, out EvidenceSource? s) ? s : _evidence[key];
                if (!numbers.TryGetValue(key, out int n))
                {
                    n = numbers[key] = references.Count + 1;
                    references.Add(new ReferenceEntry { Number = n, Key = key, Text = source.Text, Pmid = source.Pmid, Doi = source.Doi });
                }

                texts.Add(source.Text);
                nums.Add(n);
            }

            result.Add(f with { Citations = texts, ReferenceNumbers = nums });
        }

        return (result, references);
    }

    private Finding? VariantFinding(VariantReport v, FunctionalVariantTable? lab, Dictionary<string, EvidenceSource> extraSources)
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
        bool inCult = codon is int c && c >= _rules.DomainStart && c <= _rules.DomainEnd;
        FunctionalVariant? tested = _rules.FunctionalVariants.FirstOrDefault(t => t.Matches(v.HgvsP));
        FunctionalVariant? labTested = tested is null ? lab?.Variants.FirstOrDefault(t => t.Matches(v.HgvsP)) : null;

        (string Reason, string Rule, string[] Keys)? likely = null;
        if (truncating && codon is int t1 && t1 < _rules.TruncatingBeforeCodon)
        {
            likely = ($"truncating change (frameshift, nonsense or essential splice) before codon {_rules.TruncatingBeforeCodon}, which removes or disrupts the CULT drug-binding domain",
                "truncating CRBN change before codon 426 (loss of function of the drug target)", [EvidenceTable.UniProt, EvidenceTable.Gooding2021]);
        }
        else if (tested is not null)
        {
            string key = "functional:" + tested.ProteinChange;
            extraSources[key] = new EvidenceSource(key, $"Functionally tested CRBN variant {tested.ProteinChange}: {tested.Assay}, {tested.Effect}", tested.Pmid, tested.Doi, true, "functional assay", "curated table");
            likely = ($"listed in the curated table of functionally tested CRBN variants ({tested.Effect}, {tested.Assay})",
                "variant in the curated table of functionally tested CRBN variants", [key]);
        }
        else if (labTested is not null)
        {
            string table = lab!.Name;
            string key = $"lab-functional:{table}:{labTested.ProteinChange}";
            extraSources[key] = new EvidenceSource(key, $"Functionally tested CRBN variant {labTested.ProteinChange} in the lab's table {table} (--functional-variants): {labTested.Assay}, {labTested.Effect}",
                labTested.Pmid, labTested.Doi, true, "functional assay", "lab table " + table);
            likely = ($"listed in the lab's table of functionally tested CRBN variants {table} ({labTested.Effect}, {labTested.Assay}; {labTested.Source})",
                $"variant in the lab's table of functionally tested CRBN variants ({table})", [key]);
        }
        else if (altering && codon is int p && _rules.PocketResidues.Contains(p))
        {
            likely = ("protein-altering change of a drug-binding pocket residue (H378, W380, Y384, W386, W400)",
                "protein-altering change of a CRBN drug-binding pocket residue",
                p is 384 or 386 ? [EvidenceTable.UniProt, EvidenceTable.Ito2010] : [EvidenceTable.UniProt]);
        }
        else if (altering && codon is int z && _rules.ZincLigands.Contains(z))
        {
            likely = ("protein-altering change of a zinc-binding residue of the CULT domain (C323, C326, C391, C394)",
                "protein-altering change of a CRBN CULT-domain zinc ligand", [EvidenceTable.UniProt]);
        }

        if (likely is { } l)
        {
            return new Finding
            {
                Category = FindingCategory.PointMutation,
                Level = FindingLevel.ResistanceMechanism,
                Statement = $"CRBN {name}: {l.Reason}; likely IMiD resistance mechanism.",
                ShortLabel = Short(v),
                Evidence = evidence,
                CitationKeys = l.Keys,
                Tier = AmpTier.II,
                TierRule = Tier2Rule + l.Rule + "; level C/D evidence",
            };
        }

        if (altering || otherCoding)
        {
            string statement = !altering
                ? $"CRBN {name}: does not change the protein; variant of uncertain significance."
                : inCult && missense
                    ? $"CRBN {name}: missense change in the CULT domain outside the drug-binding pocket and the zinc ligands, and not in the curated table of functionally tested variants; position alone is not evidence of resistance, so it is a variant of uncertain significance."
                    : $"CRBN {name}: coding change outside the resistance criteria (truncating, pocket, zinc ligand, functionally tested); variant of uncertain significance.";
            return new Finding
            {
                Category = FindingCategory.PointMutation,
                Level = FindingLevel.UncertainSignificance,
                Statement = statement,
                ShortLabel = Short(v) + " (VUS)",
                Evidence = evidence,
                CitationKeys = [EvidenceTable.UniProt],
                Tier = AmpTier.III,
                TierRule = Tier3Rule + (altering ? "protein-altering CRBN variant without functional or structural evidence of resistance" : "no protein change predicted; a splicing effect is not excluded"),
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
                findings.Add(Exon10Finding(e10, counts));
                break;
            case SplicingStatus.NotAssessable:
                findings.Add(new Finding
                {
                    Category = FindingCategory.Splicing,
                    Level = FindingLevel.Limitation,
                    Statement = "CRBN exon 10 skipping could not be assessed.",
                    Evidence = counts,
                    CitationKeys = [EvidenceTable.Gooding2021],
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
                    ShortLabel = $"CRBN {j.Label}",
                    Evidence = $"{j.Chrom}:{j.IntronStart}-{j.IntronEnd} ({j.Strand}), {j.UniqueReads} unique reads",
                    CitationKeys = [EvidenceTable.BloodNeoplasia2024],
                    Tier = AmpTier.III,
                    TierRule = Tier3Rule + "CRBN exon skip other than exon 10; its frequency and effect on response are not established",
                });
            }
        }
    }

    /// <summary>
    /// Δexon10 is reported at diagnosis too (Blood Neoplasia 2024), so by itself it is <c>possible</c>; it is a likely
    /// mechanism only when its whole interval lies above the lab's cohort (<see cref="Exon10Skipping.Cohort"/>, its PSI at
    /// the <see cref="InterpretationRules.Exon10HighPercentile"/>th percentile). The finding names the cohort, its size and
    /// the sample's percentile in it. A rise since baseline is judged by <c>crbn compare</c>.
    /// </summary>
    private static Finding Exon10Finding(Exon10Skipping e10, string counts)
    {
        string protein = e10.ProteinChange is string p
            ? $"the Δexon10 isoform encodes {p} (computed from the reference sequence: c.1017–1148 removed, joint codon c.1015_1016 + c.1149)"
            : "the Δexon10 isoform lacks c.1017–1148 (the joint codon c.1015_1016 + c.1149 decides the protein change; no reference sequence was at hand to compute it)";
        Exon10CohortComparison? cohort = e10.Cohort;
        bool high = cohort is not null && e10.CiLow is double lo && lo > cohort.HighPsi;
        string against = cohort is null ? string.Empty : string.Create(CultureInfo.InvariantCulture,
            $"compared with cohort '{cohort.Cohort}' ({cohort.Samples} samples), PSI {Fmt(e10.PsiSkipped)} lies at percentile {cohort.Percentile:0.#} and the cohort's PSI at percentile {cohort.HighPercentile:0.#} is {cohort.HighPsi:0.###}");
        string grade = high
            ? $"Δexon10 is also found at diagnosis, but {against} and the 95% interval lies above it, so it is graded a likely resistance mechanism."
            : cohort is not null
                ? $"Δexon10 is also found at diagnosis; {against} and the 95% interval does not lie above it, so it is graded possible; a rise since a baseline sample (crbn compare) would make it likely."
                : "Δexon10 is also found at diagnosis and no cohort PSI reference was given (--exon10-cohort), so it is graded possible; a rise since a baseline sample (crbn compare) would make it likely.";
        return new Finding
        {
            Category = FindingCategory.Splicing,
            Level = high ? FindingLevel.ResistanceMechanism : FindingLevel.Possible,
            Statement = string.Create(CultureInfo.InvariantCulture,
                $"CRBN exon 10 skipping (Δexon10) detected, PSI {Fmt(e10.PsiSkipped)} (95% CI {Fmt(e10.CiLow)}–{Fmt(e10.CiHigh)}, {e10.SkipReads} skip / {e10.InclusionReads} inclusion reads): {protein}, which removes H378 and W380 of the drug-binding pocket. {grade}"),
            ShortLabel = "Δexon10 PSI " + Fmt(e10.PsiSkipped),
            Evidence = counts,
            CitationKeys = [EvidenceTable.Gooding2021, EvidenceTable.BloodNeoplasia2024, EvidenceTable.UniProt],
            Tier = high ? AmpTier.II : AmpTier.III,
            TierRule = high
                ? Tier2Rule + string.Create(CultureInfo.InvariantCulture, $"Δexon10 PSI interval above percentile {cohort!.HighPercentile:0.#} of cohort '{cohort.Cohort}' (n = {cohort.Samples}); associated with lenalidomide/pomalidomide refractoriness")
                : Tier3Rule + "Δexon10 without a cohort reference or a baseline rise; it also occurs at diagnosis",
        };
    }

    private static void AddCopyNumber(CrbnCopyNumber cn, List<Finding> findings)
    {
        string evidence = string.Create(CultureInfo.InvariantCulture,
            $"log2 ratio {Fmt(cn.Log2Ratio)}, estimated copies {Fmt(cn.EstimatedCopies)}, exons affected [{string.Join(", ", cn.ExonsAffected)}]; {cn.Method}");
        // An exon-level call names its exons: "homozygous loss of CRBN" alone reads as the whole gene.
        string? exons = cn.ExonsAffected.Count > 0 && cn.ExonsAffected.Count < cn.Exons.Count ? ExonList(cn.ExonsAffected) : null;
        (FindingLevel? level, string statement, AmpTier? tier, string? rule) = cn.Call switch
        {
            CopyNumberState.HomozygousLoss => ((FindingLevel?)FindingLevel.ResistanceMechanism,
                exons is null ? "Homozygous loss of CRBN: no intact copy remains in the tumour." : $"Homozygous loss of CRBN {exons}: no intact copy of the gene remains in the tumour.",
                (AmpTier?)AmpTier.II, Tier2Rule + "biallelic loss of the drug target"),
            CopyNumberState.HemizygousLoss => (FindingLevel.Possible, "Hemizygous (one-copy) loss of CRBN.", AmpTier.III, Tier3Rule + "one-copy loss; one intact copy may remain functional"),
            CopyNumberState.PartialLoss => (FindingLevel.Possible, $"Partial loss of CRBN {exons ?? "exons"}: the rest of the gene is not lost.", AmpTier.III, Tier3Rule + "partial loss; its effect on the protein depends on the exons lost"),
            CopyNumberState.CopyNeutralLoh => (FindingLevel.Informational, "Copy-neutral loss of heterozygosity over CRBN: both copies come from one parent, so a CRBN variant there would be homozygous.", null, null),
            CopyNumberState.NotAssessable => (FindingLevel.Limitation, "CRBN copy number could not be assessed.", null, null),
            _ => (null, string.Empty, null, null),
        };
        if (level is FindingLevel l)
        {
            findings.Add(new Finding
            {
                Category = FindingCategory.CopyNumber,
                Level = l,
                Statement = statement,
                ShortLabel = cn.Call switch
                {
                    CopyNumberState.HomozygousLoss => exons is null ? "CN homozygous loss" : $"CN homozygous loss, {exons}",
                    CopyNumberState.HemizygousLoss => "CN loss (one copy)",
                    CopyNumberState.PartialLoss => exons is null ? "CN partial loss" : $"CN partial loss, {exons}",
                    _ => "CN not assessable",
                },
                Evidence = cn.Reasoning is null ? evidence : $"{evidence}. {cn.Reasoning}",
                CitationKeys = [EvidenceTable.Gooding2021],
                Tier = tier,
                TierRule = rule,
            });
        }
    }

    private void AddExpression(ExpressionSection expression, ClinicalSetting setting, List<Finding> findings)
    {
        var notInterpreted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (BiomarkerRule rule in _rules.Biomarkers)
        {
            if (!expression.Genes.TryGetValue(rule.Gene, out GeneExpression? gene) || gene.Percentile is not double p)
            {
                continue;
            }

            if (!rule.AppliesTo(setting))
            {
                if (setting == ClinicalSetting.Unspecified)
                {
                    notInterpreted.Add(string.Create(CultureInfo.InvariantCulture, $"{rule.Gene} (percentile {p:0})"));
                }

                continue;
            }

            if (!rule.Flags(p))
            {
                continue;
            }

            string where = rule.AppliesIn.Count == 0
                ? "evidence not tied to a disease setting"
                : $"applied because the setting is {Snake(setting)}";
            findings.Add(new Finding
            {
                Category = FindingCategory.Expression,
                Level = rule.RaisesOverall ? FindingLevel.Possible : FindingLevel.Informational,
                Statement = string.Create(CultureInfo.InvariantCulture,
                    $"{rule.Gene} expression at percentile {p:0} of {expression.PercentileReference ?? "the reference"}: {rule.Meaning} ({where}).{(rule.Caveat is null ? string.Empty : " " + rule.Caveat + ".")}"),
                ShortLabel = string.Create(CultureInfo.InvariantCulture, $"{rule.Gene} {(rule.AdverseWhenHigh ? "high" : "low")} (pct {p:0})"),
                Evidence = string.Create(CultureInfo.InvariantCulture, $"{rule.Gene}: counts {gene.Counts:0.##}, TPM {Fmt(gene.Tpm)}, percentile {p:0.#}"),
                CitationKeys = [.. rule.CitationKeys],
                Tier = AmpTier.III,
                TierRule = Tier3Rule + "expression biomarker from single-cohort studies, read as a cohort percentile",
            });
        }

        if (notInterpreted.Count > 0)
        {
            findings.Add(new Finding
            {
                Category = FindingCategory.Expression,
                Level = FindingLevel.Limitation,
                Statement = $"Not interpreted because no disease setting was given (--setting newly_diagnosed|relapsed): {string.Join(", ", notInterpreted)}. Their evidence is setting-specific (IKZF1 RNA is adverse when high in newly diagnosed disease on lenalidomide but when low in relapsed disease on pomalidomide).",
                Evidence = "setting: unspecified",
                CitationKeys = [EvidenceTable.Dsmm2017, EvidenceTable.Blood2014Ikzf1],
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
                CitationKeys = [EvidenceTable.Imid14],
                Tier = AmpTier.III,
                TierRule = Tier3Rule + "user-supplied signature without a validated cut-off",
            });
        }
    }

    private static void AddGermline(GermlineSection germline, List<Finding> findings)
    {
        List<GermlineSnp> typed = germline.Snps.Where(s => !s.Genotype.Contains('.', StringComparison.Ordinal)).ToList();
        if (typed.Count == 0)
        {
            return;
        }

        findings.Add(new Finding
        {
            Category = FindingCategory.Germline,
            Level = FindingLevel.Informational,
            Statement = "Germline ABCB1/VEGFA genotypes in the studies' allele naming: "
                + string.Join(", ", typed.Select(s => $"{s.StudyGenotype ?? $"{s.Gene} {s.Ref}>{s.Alt} {s.Genotype}"} ({s.Id})"))
                + ". Their association with longer PFS on lenalidomide maintenance was reported in mantle cell lymphoma, not myeloma: informational only.",
            Evidence = string.Join("; ", typed.Select(s => $"{s.Id} REF {s.Ref} ALT {s.Alt} VCF GT {s.Genotype}: {s.RefReads}/{s.AltReads} of {s.Depth} reads")),
            CitationKeys = [EvidenceTable.MclGermline],
            Tier = AmpTier.III,
            TierRule = Tier3Rule + "germline pharmacogenetic variant with evidence from another disease (mantle cell lymphoma); AMP somatic tiers do not grade it further",
        });
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

    /// <summary>The median over coding positions of the smallest detectable VAF (uncovered positions count as 1).</summary>
    private static double MedianDetectableVaf(Model.LimitOfDetection lod)
    {
        double[] values = lod.MinVaf.Select(v => v ?? 1.0).Order().ToArray();
        return values.Length == 0 ? 1.0 : values[values.Length / 2];
    }

    /// <summary><c>p.Trp386Arg 5.0%</c>: the protein change (else the c. change) and the VAF.</summary>
    private static string Short(VariantReport v) => string.Create(CultureInfo.InvariantCulture,
        $"{(v.HgvsP is { Length: > 0 } p && p != "p.=" ? p : v.HgvsC ?? $"{v.Chrom}:{v.Pos}")} {100 * v.Vaf:0.0}%{(v.Source == VariantSource.Rna ? " RNA" : string.Empty)}");

    private static string Describe(VariantReport v) =>
        string.Join(' ', new[] { v.HgvsC, v.HgvsP }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } hgvs ? hgvs : $"{v.Chrom}:{v.Pos}{v.Ref}>{v.Alt}";

    private static string Snake(ClinicalSetting s) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString());

    /// <summary>Exon numbers as runs: [10, 11] → "exons 10–11", [9] → "exon 9", [3, 5, 6] → "exons 3, 5–6".</summary>
    internal static string ExonList(IReadOnlyList<int> exons)
    {
        int[] sorted = exons.Distinct().Order().ToArray();
        var runs = new List<string>();
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            runs.Add(j == i ? sorted[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}–{sorted[j]}"));
            i = j + 1;
        }

        return (sorted.Length == 1 ? "exon " : "exons ") + string.Join(", ", runs);
    }

    private static string Fmt(double? value) => value is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
}
