using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Reporting.Assessment;
using CrbnVariantCaller.Reporting.Model;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

public sealed class AssessmentBuilderTests
{
    private static SampleReport Base() => new()
    {
        Sample = "S", GenomeBuild = GenomeBuild.GRCh38, Tool = new ToolInfo { Version = "t", Backend = "cpu", Device = "cpu" },
        Qc = new QcSummary { MeanDepth = 800 },
        LimitOfDetection = Lod(0.02, 800),
    };

    /// <summary>Three coding positions that can each show a variant down to <paramref name="minVaf"/>.</summary>
    private static LimitOfDetection Lod(double minVaf, int depth) => new()
    {
        Chrom = "chr3",
        TargetVaf = 0.05,
        Positions = [new Position(3151036), new Position(3151037), new Position(3151038)],
        Depths = [depth, depth, depth],
        MinVaf = [minVaf, minVaf, minVaf],
    };

    private static VariantReport Variant(string consequence, int? codon, string filter = VariantReport.Pass) => new()
    {
        Chrom = "chr3", Pos = new Position(3151038), Ref = "A", Alt = "G", Consequence = consequence, Codon = codon,
        Vaf = 0.05, Depth = 1000, AltReads = 50, RefReads = 950, Filter = filter, HgvsC = "c.x", HgvsP = "p.x",
    };

    private static AssessmentResult Assess(params VariantReport[] variants) => AssessmentBuilder.Build(Base() with { Variants = variants });

    [Theory]
    [InlineData("missense_variant", 318, OverallAssessment.NoneDetected)] // CULT missense by position alone: uncertain significance
    [InlineData("missense_variant", 353, OverallAssessment.NoneDetected)] // H353R of the demo: uncertain significance
    [InlineData("missense_variant", 426, OverallAssessment.NoneDetected)]
    [InlineData("missense_variant", 323, OverallAssessment.ResistanceMechanismDetected)] // zinc ligand
    [InlineData("missense_variant", 391, OverallAssessment.ResistanceMechanismDetected)] // zinc ligand C391
    [InlineData("missense_variant", 378, OverallAssessment.ResistanceMechanismDetected)] // pocket H378
    [InlineData("missense_variant", 384, OverallAssessment.ResistanceMechanismDetected)] // pocket Y384
    [InlineData("missense_variant", 400, OverallAssessment.ResistanceMechanismDetected)] // tri-Trp W400
    [InlineData("missense_variant", 317, OverallAssessment.NoneDetected)] // just outside: uncertain significance
    [InlineData("missense_variant", 427, OverallAssessment.NoneDetected)]
    [InlineData("frameshift_variant", 294, OverallAssessment.ResistanceMechanismDetected)] // INS1 c.880_881insG
    [InlineData("stop_gained", 419, OverallAssessment.ResistanceMechanismDetected)] // R419X
    [InlineData("stop_gained", 426, OverallAssessment.NoneDetected)] // not before 426
    [InlineData("splice_donor_variant", 339, OverallAssessment.ResistanceMechanismDetected)] // S339, exon 9/10 boundary codon
    [InlineData("splice_acceptor_variant&intron_variant", 120, OverallAssessment.ResistanceMechanismDetected)]
    [InlineData("inframe_deletion", 380, OverallAssessment.ResistanceMechanismDetected)] // pocket residue W380
    [InlineData("inframe_deletion", 90, OverallAssessment.NoneDetected)] // DEL3 p.Ile90del
    [InlineData("synonymous_variant", 380, OverallAssessment.NoneDetected)] // no protein change, even in the pocket
    [InlineData("intron_variant", null, OverallAssessment.NoneDetected)]
    public void TheKeyResidueRuleDecidesPointMutations(string consequence, int? codon, OverallAssessment expected)
    {
        AssessmentResult result = Assess(Variant(consequence, codon));
        Assert.Equal(expected, result.Overall);
        if (expected == OverallAssessment.ResistanceMechanismDetected)
        {
            Finding f = result.Findings[0];
            Assert.Equal(FindingLevel.ResistanceMechanism, f.Level);
            Assert.Equal(FindingCategory.PointMutation, f.Category);
            Assert.Contains(f.Citations, c => c.Contains("UniProt Q96SW2", StringComparison.Ordinal));
            Assert.Contains("50/1000", f.Evidence);
            Assert.Equal(AmpTier.II, f.Tier);
            Assert.StartsWith("Tier II", f.TierRule);
        }
    }

    /// <summary>Fix 3: a CULT missense outside the pocket and zinc ligands is a VUS (Tier III), and Myeloma XI is never cited for a positional rule.</summary>
    [Fact]
    public void CultMissenseByPositionAloneIsUncertainSignificanceWithoutMyelomaXi()
    {
        AssessmentResult result = Assess(Variant("missense_variant", 353) with { HgvsP = "p.His353Arg" }, Variant("missense_variant", 386) with { HgvsP = "p.Trp386Arg" });
        Finding h353 = result.Findings.Single(f => f.Statement.Contains("p.His353Arg", StringComparison.Ordinal));
        Assert.Equal(FindingLevel.UncertainSignificance, h353.Level);
        Assert.Equal(AmpTier.III, h353.Tier);
        Assert.Contains("position alone is not evidence of resistance", h353.Statement);
        Assert.DoesNotContain("likely", h353.Statement, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(result.Findings.SelectMany(f => f.CitationKeys), k => k == EvidenceTable.MyelomaXi2021);
        Assert.Equal(FindingLevel.ResistanceMechanism, result.Findings.Single(f => f.Statement.Contains("p.Trp386Arg", StringComparison.Ordinal)).Level);
    }

    /// <summary>Fix 3: a variant in the curated table of functionally tested variants is "likely" wherever it lies, citing the row's source.</summary>
    [Fact]
    public void AFunctionallyTestedVariantIsLikelyWhereverItLies()
    {
        string table = "protein_change\tresidues\tassay\teffect\tpmid\tdoi\np.Pro350Leu\t350\tbinding assay (test row)\tbinding lost\t12345678\t\n";
        var rules = InterpretationRules.Default with { FunctionalVariants = FunctionalVariantTable.Parse(table, "test.tsv").Variants };
        AssessmentResult result = new AssessmentBuilder(rules).Assess(Base() with { Variants = [Variant("missense_variant", 350) with { HgvsP = "p.Pro350Leu" }] });
        Assert.Equal(OverallAssessment.ResistanceMechanismDetected, result.Overall);
        Assert.Contains(result.Findings[0].Citations, c => c.Contains("PMID 12345678", StringComparison.Ordinal));
        Assert.Equal(OverallAssessment.NoneDetected, Assess(Variant("missense_variant", 350) with { HgvsP = "p.Pro350Leu" }).Overall);
    }

    /// <summary>
    /// A lab's own table (--functional-variants, recorded in the report): a CULT missense that is a VUS without it is
    /// likely with it, the finding naming the lab's table and the row's citation, which joins the reference list; the
    /// built-in rows still apply beside it.
    /// </summary>
    [Fact]
    public void ALabRowMakesACultMissenseLikelyAndNamesTheLabTable()
    {
        VariantReport p350 = Variant("missense_variant", 350) with { HgvsP = "p.Pro350Leu" };
        Finding without = Assert.Single(Assess(p350).Findings, f => f.Category == FindingCategory.PointMutation);
        Assert.Equal(FindingLevel.UncertainSignificance, without.Level);

        FunctionalVariantTable lab = FunctionalVariantTable.Parse(
            "protein_change\tresidues\tassay\teffect\tpmid\tdoi\np.Pro350Leu\t350\tlenalidomide degradation of IKZF1 in MM.1S\tIKZF1 no longer degraded\t\t10.1000/lab.2026.1\n", "our_lab_crbn.tsv");
        AssessmentResult result = new AssessmentBuilder().Assess(Base() with { Variants = [p350], LabFunctionalVariants = lab });
        Finding with = Assert.Single(result.Findings, f => f.Category == FindingCategory.PointMutation);
        Assert.Equal(FindingLevel.ResistanceMechanism, with.Level);
        Assert.Equal(AmpTier.II, with.Tier);
        Assert.Contains("lab's table of functionally tested CRBN variants our_lab_crbn.tsv", with.Statement);
        Assert.Contains("doi:10.1000/lab.2026.1", with.Statement);
        Assert.Contains("(our_lab_crbn.tsv)", with.TierRule);
        string citation = Assert.Single(with.Citations);
        Assert.Contains("our_lab_crbn.tsv", citation);
        Assert.Contains("doi:10.1000/lab.2026.1", citation);
        Assert.Contains(result.References, r => r.Doi == "10.1000/lab.2026.1" && r.Text.Contains("our_lab_crbn.tsv", StringComparison.Ordinal));
        Assert.Equal(FindingLevel.ResistanceMechanism, new AssessmentBuilder().Grade(p350, lab));
        Assert.Equal(FindingLevel.UncertainSignificance, new AssessmentBuilder().Grade(p350));

        // The built-in rows are kept beside the lab's.
        VariantReport builtIn = Variant("missense_variant", 384) with { HgvsP = FunctionalVariantTable.BuiltIn.Variants[0].ProteinChange };
        Finding curated = new AssessmentBuilder().Assess(Base() with { Variants = [builtIn], LabFunctionalVariants = lab }).Findings[0];
        Assert.Contains("curated table", curated.Statement);
    }

    [Fact]
    public void TheCuratedFunctionalTableHasASourceOnEveryRow()
    {
        Assert.NotEmpty(FunctionalVariantTable.BuiltIn.Variants);
        Assert.Equal(FunctionalVariantTable.BuiltInName, FunctionalVariantTable.BuiltIn.Name);
        Assert.All(FunctionalVariantTable.BuiltIn.Variants, v => Assert.True(v.Pmid is not null || v.Doi is not null, v.ProteinChange));
    }

    /// <summary>A malformed table is refused with the table and the line named: missing column, no PMID/DOI, bad protein change, bad identifiers, residues that miss the change's.</summary>
    [Theory]
    [InlineData("protein_change\tresidues\tassay\teffect\tpmid\n", "t.tsv: line 1: the header has no 'doi' column")]
    [InlineData("# c\nprotein_change\tresidues\tassay\teffect\tpmid\tdoi\np.Pro350Leu\t350\ta\te\t\t\n", "t.tsv: line 3: p.Pro350Leu has neither a PMID nor a DOI")]
    [InlineData("protein_change\tresidues\tassay\teffect\tpmid\tdoi\np.Pro350Leu\t350\ta\te\t1\t\nP350L\t350\ta\te\t1\t\n", "t.tsv: line 3: protein_change 'P350L' is not an HGVS p. change")]
    [InlineData("protein_change\tresidues\tassay\teffect\tpmid\tdoi\np.Pro350Lxu\t350\ta\te\t1\t\n", "t.tsv: line 2: protein_change 'p.Pro350Lxu'")]
    [InlineData("protein_change\tresidues\tassay\teffect\tpmid\tdoi\np.Pro350Leu\t351\ta\te\t1\t\n", "t.tsv: line 2: residues '351' do not include residue 350")]
    [InlineData("protein_change\tresidues\tassay\teffect\tpmid\tdoi\np.Pro350Leu\t350\ta\te\tPMID1\t\n", "t.tsv: line 2: pmid 'PMID1'")]
    [InlineData("protein_change\tresidues\tassay\teffect\tpmid\tdoi\np.Pro350Leu\t350\ta\te\t\tdoi:10.1/x\n", "t.tsv: line 2: doi 'doi:10.1/x'")]
    [InlineData("protein_change\tresidues\tassay\teffect\tpmid\tdoi\np.Pro350Leu\t350\ta\te\t1\n", "t.tsv: line 2: 5 tab-separated fields, the header has 6")]
    public void AMalformedFunctionalTableIsRefusedNamingTheLine(string text, string expected)
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => FunctionalVariantTable.Parse(text, "t.tsv"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p.Asn367ThrfsTer10")]
    [InlineData("(p.Trp386Ter)")]
    [InlineData("p.Leu340_Gly383del")]
    [InlineData("p.Ser339_Gly383delinsArg")]
    [InlineData("p.Tyr384Ala+p.Trp386Ala")]
    public void HgvsProteinChangesAsTheReportWritesThemAreAccepted(string change)
    {
        string residues = string.Join(",", System.Text.RegularExpressions.Regex.Matches(change, "[A-Z][a-z]{2}([0-9]+)").Select(m => m.Groups[1].Value));
        FunctionalVariant row = Assert.Single(FunctionalVariantTable.Parse($"protein_change\tresidues\tassay\teffect\tpmid\tdoi\n{change}\t{residues}\ta\te\t1\t\n", "t.tsv").Variants);
        Assert.True(row.Matches(change));
    }

    [Fact]
    public void CodingChangesOutsideTheRuleAreVariantsOfUncertainSignificance()
    {
        AssessmentResult result = Assess(Variant("missense_variant", 140), Variant("synonymous_variant", 200));
        Assert.Equal(2, result.Findings.Count(f => f.Level == FindingLevel.UncertainSignificance));
    }

    [Fact]
    public void FilteredVariantsDoNotCountUnlessConfigured()
    {
        VariantReport filtered = Variant("missense_variant", 386, "strand_bias");
        Assert.Equal(OverallAssessment.NoneDetected, Assess(filtered).Overall);
        AssessmentResult lenient = new AssessmentBuilder(InterpretationRules.Default with { PassOnly = false }).Assess(Base() with { Variants = [filtered] });
        Assert.Equal(OverallAssessment.ResistanceMechanismDetected, lenient.Overall);
    }

    [Fact]
    public void TheRuleIsConfigurable()
    {
        InterpretationRules wider = InterpretationRules.Default with { ZincLigands = new HashSet<int> { 323, 326, 391, 394, 340 } };
        Assert.Equal(OverallAssessment.ResistanceMechanismDetected, new AssessmentBuilder(wider).Assess(Base() with { Variants = [Variant("missense_variant", 340)] }).Overall);
        Assert.Equal(OverallAssessment.NoneDetected, new AssessmentBuilder().Assess(Base() with { Variants = [Variant("missense_variant", 340)] }).Overall);
    }

    private static SampleReport WithExon10(SplicingStatus status, double? ciLow = 0.15) => Base() with
    {
        Splicing = new SplicingSection
        {
            CrbnExon10Skipping = new Exon10Skipping
            {
                Status = status, PsiSkipped = 0.2, CiLow = ciLow, CiHigh = 0.27, SkipReads = 30, InclusionReads = 240, Reasoning = "r",
                ProteinChange = "p.(Ser339_Gly383delinsArg)",
            },
        },
    };

    /// <summary>Fix 2: Δexon10 is seen at diagnosis too, so by itself it is possible (Tier III), keeping PSI, CI and reads.</summary>
    [Theory]
    [InlineData(SplicingStatus.Detected, OverallAssessment.Possible)]
    [InlineData(SplicingStatus.NotDetected, OverallAssessment.NoneDetected)]
    public void ExonTenSkippingIsPossibleWithoutACohortOrBaseline(SplicingStatus status, OverallAssessment expected)
    {
        AssessmentResult result = AssessmentBuilder.Build(WithExon10(status));
        Assert.Equal(expected, result.Overall);
        if (status == SplicingStatus.Detected)
        {
            Finding f = result.Findings[0];
            Assert.Equal(FindingLevel.Possible, f.Level);
            Assert.Equal(AmpTier.III, f.Tier);
            Assert.Contains("PSI 0.2 (95% CI 0.15–0.27, 30 skip / 240 inclusion reads)", f.Statement);
            Assert.Contains("p.(Ser339_Gly383delinsArg)", f.Statement);
            Assert.Contains("also found at diagnosis", f.Statement);
            Assert.DoesNotContain("340-382", f.Statement);
            Assert.DoesNotContain("340–382", f.Statement);
            Assert.Contains(EvidenceTable.BloodNeoplasia2024, f.CitationKeys);
            Assert.Contains("psi_skipped 0.2", f.Evidence);
        }
    }

    /// <summary>A lab cohort of 40 Δexon10 PSI values, 0.010 to 0.088 in steps of 0.002 (Hazen 95th-percentile PSI 0.085, half-way between the 38th and 39th values).</summary>
    private static Exon10Cohort LabCohort() => Exon10Cohort.FromValues("lab NDMM 2025", Enumerable.Range(0, 40).Select(i => 0.010 + (0.002 * i)));

    private static SampleReport WithCohort(SampleReport report, Exon10Cohort cohort)
    {
        Exon10Skipping e10 = report.Splicing.CrbnExon10Skipping;
        return report with
        {
            Splicing = report.Splicing with
            {
                CrbnExon10Skipping = e10 with { Cohort = cohort.Compare(e10.PsiSkipped!.Value, InterpretationRules.Default.Exon10HighPercentile) },
            },
        };
    }

    [Fact]
    public void ExonTenSkippingHighAgainstTheLabsCohortIsLikelyAndNamesTheCohort()
    {
        // PSI 0.2 (95% CI 0.15-0.27): the whole interval lies above the cohort's 95th-percentile PSI 0.085.
        AssessmentResult result = AssessmentBuilder.Build(WithCohort(WithExon10(SplicingStatus.Detected, ciLow: 0.15), LabCohort()));
        Assert.Equal(OverallAssessment.ResistanceMechanismDetected, result.Overall);
        Finding f = Assert.Single(result.Findings, f => f.Category == FindingCategory.Splicing);
        Assert.Equal(FindingLevel.ResistanceMechanism, f.Level);
        Assert.Equal(AmpTier.II, f.Tier);
        Assert.Contains("compared with cohort 'lab NDMM 2025' (40 samples), PSI 0.2 lies at percentile 100 and the cohort's PSI at percentile 95 is 0.085", f.Statement);
        Assert.Contains("graded a likely resistance mechanism", f.Statement);
        Assert.Contains("above percentile 95 of cohort 'lab NDMM 2025' (n = 40)", f.TierRule);
    }

    [Fact]
    public void ATypicalExonTenPsiStaysPossibleAgainstTheCohort()
    {
        // PSI 0.051 (95% CI 0.03-0.08) sits in the middle of the cohort (21 of 40 values below): still possible, and the
        // finding says against what.
        SampleReport typical = WithExon10(SplicingStatus.Detected, ciLow: 0.03);
        typical = typical with { Splicing = typical.Splicing with { CrbnExon10Skipping = typical.Splicing.CrbnExon10Skipping with { PsiSkipped = 0.051, CiHigh = 0.08 } } };
        AssessmentResult result = AssessmentBuilder.Build(WithCohort(typical, LabCohort()));
        Assert.Equal(OverallAssessment.Possible, result.Overall);
        Finding f = Assert.Single(result.Findings, f => f.Category == FindingCategory.Splicing);
        Assert.Equal(FindingLevel.Possible, f.Level);
        Assert.Equal(AmpTier.III, f.Tier);
        Assert.Contains("compared with cohort 'lab NDMM 2025' (40 samples), PSI 0.051 lies at percentile 52.5 and the cohort's PSI at percentile 95 is 0.085", f.Statement);
        Assert.Contains("does not lie above it, so it is graded possible", f.Statement);
    }

    [Fact]
    public void AnIntervalReachingIntoTheCohortsTopStaysPossible()
    {
        // PSI 0.2 but a wide interval whose lower bound (0.05) is below the 95th-percentile PSI: not enough for "likely".
        AssessmentResult result = AssessmentBuilder.Build(WithCohort(WithExon10(SplicingStatus.Detected, ciLow: 0.05), LabCohort()));
        Assert.Equal(OverallAssessment.Possible, result.Overall);
    }

    [Theory]
    [InlineData(CopyNumberState.HomozygousLoss, OverallAssessment.ResistanceMechanismDetected)]
    [InlineData(CopyNumberState.HemizygousLoss, OverallAssessment.Possible)]
    [InlineData(CopyNumberState.PartialLoss, OverallAssessment.Possible)]
    [InlineData(CopyNumberState.Neutral, OverallAssessment.NoneDetected)]
    [InlineData(CopyNumberState.Gain, OverallAssessment.NoneDetected)]
    [InlineData(CopyNumberState.CopyNeutralLoh, OverallAssessment.NoneDetected)]
    public void CopyNumber(CopyNumberState state, OverallAssessment expected)
    {
        SampleReport report = Base() with { CopyNumber = new CopyNumberSection { Crbn = new CrbnCopyNumber { Call = state, Log2Ratio = -3.3, ExonsAffected = [9, 10, 11] } } };
        Assert.Equal(expected, AssessmentBuilder.Build(report).Overall);
    }

    /// <summary>An exon-level copy-number finding names its exons; a whole-gene one does not.</summary>
    [Theory]
    [InlineData(CopyNumberState.PartialLoss, new[] { 10, 11 }, "Partial loss of CRBN exons 10–11: the rest of the gene is not lost.", "CN partial loss, exons 10–11")]
    [InlineData(CopyNumberState.HomozygousLoss, new[] { 9, 10, 11 }, "Homozygous loss of CRBN exons 9–11: no intact copy of the gene remains in the tumour.", "CN homozygous loss, exons 9–11")]
    [InlineData(CopyNumberState.HomozygousLoss, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, "Homozygous loss of CRBN: no intact copy remains in the tumour.", "CN homozygous loss")]
    public void ExonLevelCopyNumberFindingNamesItsExons(CopyNumberState state, int[] affected, string statement, string label)
    {
        CopyNumberExon[] exons = Enumerable.Range(1, 11).Select(e => new CopyNumberExon { Exon = e, Log2Ratio = affected.Contains(e) ? -2 : 0 }).ToArray();
        SampleReport report = Base() with { CopyNumber = new CopyNumberSection { Crbn = new CrbnCopyNumber { Call = state, Log2Ratio = -2, ExonsAffected = affected, Exons = exons } } };

        Finding finding = AssessmentBuilder.Build(report).Findings.Single(f => f.Category == FindingCategory.CopyNumber);

        Assert.Equal(statement, finding.Statement);
        Assert.Equal(label, finding.ShortLabel);
    }

    [Theory]
    [InlineData(new[] { 9 }, "exon 9")]
    [InlineData(new[] { 11, 10 }, "exons 10–11")]
    [InlineData(new[] { 3, 5, 6, 8 }, "exons 3, 5–6, 8")]
    public void ExonListGivesRuns(int[] exons, string expected) => Assert.Equal(expected, AssessmentBuilder.ExonList(exons));

    private static SampleReport WithGenes(ClinicalSetting setting, params (string Gene, double Percentile)[] genes) => Base() with
    {
        Setting = setting,
        Expression = new ExpressionSection
        {
            PercentileReference = "cohort X",
            Genes = genes.ToDictionary(g => g.Gene, g => new GeneExpression { Counts = 100, Tpm = 5, Percentile = g.Percentile }),
        },
    };

    [Theory]
    [InlineData(10.0, OverallAssessment.Possible)]
    [InlineData(25.0, OverallAssessment.Possible)]
    [InlineData(26.0, OverallAssessment.NoneDetected)]
    public void LowCrbnExpressionIsPossibleInRelapsedDiseaseAndNeverAnAbsoluteCutOff(double percentile, OverallAssessment expected)
    {
        AssessmentResult result = AssessmentBuilder.Build(WithGenes(ClinicalSetting.Relapsed, ("CRBN", percentile)));
        Assert.Equal(expected, result.Overall);
        if (expected == OverallAssessment.Possible)
        {
            Assert.Contains(result.Findings, f => f.Citations.Any(c => c.Contains("PMID 24129344", StringComparison.Ordinal)));
        }

        Assert.Equal(OverallAssessment.NoneDetected, AssessmentBuilder.Build(WithGenes(ClinicalSetting.NewlyDiagnosed, ("CRBN", percentile))).Overall);
    }

    /// <summary>Fix 4: IKZF1 RNA is adverse when high in NDMM on lenalidomide (DSMM XII) and when low in RRMM on pomalidomide (PMID 24914135).</summary>
    [Fact]
    public void IkzfOneDirectionDependsOnTheSetting()
    {
        Finding Ikzf1(ClinicalSetting setting, double p) => AssessmentBuilder.Build(WithGenes(setting, ("IKZF1", p))).Findings.Single(f => f.Category == FindingCategory.Expression);

        Finding ndmmHigh = Ikzf1(ClinicalSetting.NewlyDiagnosed, 80);
        Assert.Contains("newly diagnosed myeloma on lenalidomide", ndmmHigh.Statement);
        Assert.Contains("applied because the setting is newly_diagnosed", ndmmHigh.Statement);
        Assert.Equal([EvidenceTable.Dsmm2017], ndmmHigh.CitationKeys);

        Finding rrmmLow = Ikzf1(ClinicalSetting.Relapsed, 10);
        Assert.Contains("relapsed/refractory myeloma on pomalidomide", rrmmLow.Statement);
        Assert.Contains(rrmmLow.Citations, c => c.Contains("PMID 24914135", StringComparison.Ordinal));

        Assert.DoesNotContain(AssessmentBuilder.Build(WithGenes(ClinicalSetting.Relapsed, ("IKZF1", 80))).Findings, f => f.Category == FindingCategory.Expression);
        Assert.DoesNotContain(AssessmentBuilder.Build(WithGenes(ClinicalSetting.NewlyDiagnosed, ("IKZF1", 10))).Findings, f => f.Category == FindingCategory.Expression);

        Finding unspecified = Ikzf1(ClinicalSetting.Unspecified, 80);
        Assert.Equal(FindingLevel.Limitation, unspecified.Level);
        Assert.Contains("no disease setting was given", unspecified.Statement);
        Assert.Contains("IKZF1 (percentile 80)", unspecified.Statement);
    }

    /// <summary>Fix 4: MCT1 evidence is from maintenance; ADAR carries the 1q gain confounder; MIR22HG is a proxy for miR-22.</summary>
    [Fact]
    public void ContextBiomarkersAreInformationalAndSayWhatTheirEvidenceIs()
    {
        AssessmentResult result = AssessmentBuilder.Build(WithGenes(ClinicalSetting.NewlyDiagnosed, ("ADAR", 95), ("SLC16A1", 90), ("MIR22HG", 5)));
        Assert.Equal(OverallAssessment.NoneDetected, result.Overall);
        Finding[] expression = result.Findings.Where(f => f.Category == FindingCategory.Expression).ToArray();
        Assert.Equal(3, expression.Length);
        Assert.All(expression, f => Assert.Equal(FindingLevel.Informational, f.Level));
        Assert.Contains("maintenance", expression.Single(f => f.Statement.StartsWith("SLC16A1", StringComparison.Ordinal)).Statement);
        Assert.Contains("1q gain", expression.Single(f => f.Statement.StartsWith("ADAR", StringComparison.Ordinal)).Statement);
        Assert.Contains("only a proxy for the mature miRNA", expression.Single(f => f.Statement.StartsWith("MIR22HG", StringComparison.Ordinal)).Statement);
        Assert.DoesNotContain(AssessmentBuilder.Build(WithGenes(ClinicalSetting.Relapsed, ("SLC16A1", 90))).Findings, f => f.Category == FindingCategory.Expression);
    }

    /// <summary>Fix 5: rs1045642 genotypes in the study's naming (c.3435C>T, C/C C/T T/T), never "carried".</summary>
    [Fact]
    public void GermlinePgxUsesTheStudysAlleleNaming()
    {
        GermlineSnp Snp(string gt, string study) => new()
        {
            Id = "rs1045642", Gene = "ABCB1", Chrom = "chr7", Pos = new Position(87_509_329), Ref = "A", Alt = "G", Genotype = gt, Depth = 40, StudyGenotype = study,
        };
        AssessmentResult result = AssessmentBuilder.Build(Base() with { Germline = new GermlineSection { Snps = [Snp("0/0", "ABCB1 c.3435C>T T/T")] } });
        Finding g = result.Findings.Single(f => f.Category == FindingCategory.Germline);
        Assert.Contains("ABCB1 c.3435C>T T/T (rs1045642)", g.Statement);
        Assert.Contains("mantle cell lymphoma", g.Statement);
        Assert.DoesNotContain("carried", g.Statement, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(FindingLevel.Informational, g.Level);
    }

    /// <summary>Deliver 7: every citation comes from the versioned evidence table, numbered once; every statement has a PMID or DOI or says why not.</summary>
    [Fact]
    public void CitationsAreNumberedOnceFromTheVersionedEvidenceTable()
    {
        AssessmentResult result = AssessmentBuilder.Build(ReportFixtures.DeepTumor() with { Qc = new QcSummary { MeanDepth = 2000 } });
        Assert.Equal(EvidenceTable.Default.Version, result.EvidenceVersion);
        Assert.Equal("2026-12-03", result.EvidenceDate);
        Assert.Equal(result.References.Select(r => r.Key).Distinct().Count(), result.References.Count);
        Assert.Equal(Enumerable.Range(1, result.References.Count), result.References.Select(r => r.Number));
        foreach (Finding f in result.Findings)
        {
            Assert.Equal(f.CitationKeys.Count, f.ReferenceNumbers.Count);
            Assert.All(f.ReferenceNumbers, n => Assert.Equal(f.CitationKeys[f.ReferenceNumbers.ToList().IndexOf(n)], result.References[n - 1].Key));
            if (f.Level != FindingLevel.Limitation)
            {
                Assert.NotNull(f.Tier);
                Assert.False(string.IsNullOrEmpty(f.TierRule));
                Assert.NotEmpty(f.CitationKeys);
            }
        }

        Assert.All(EvidenceTable.Default.Sources, s => Assert.True(s.Pmid is not null || s.Doi is not null || s.Text.Contains("no PMID/DOI:", StringComparison.Ordinal), s.Key));
        Assert.Contains(EvidenceTable.Default.Sources, s => s.Key == EvidenceTable.Blood2014Ikzf1 && s.Pmid == "24914135");
    }

    /// <summary>A few reads over CRBN (2-3x) do not show that there is no mutation: with nothing else assessed, not_assessable.</summary>
    [Fact]
    public void ShallowCoverageWithNothingFoundIsNotAssessableNotNoneDetected()
    {
        SampleReport shallow = Base() with { Qc = new QcSummary { MeanDepth = 2.6 }, LimitOfDetection = Lod(0.9, 3) };
        Assert.Equal(OverallAssessment.NotAssessable, AssessmentBuilder.Build(shallow).Overall);
        Assert.Equal(OverallAssessment.NoneDetected, AssessmentBuilder.Build(Base()).Overall);
    }

    [Fact]
    public void NothingAssessableIsNotAssessable()
    {
        SampleReport report = Base() with { Qc = new QcSummary(), LimitOfDetection = new LimitOfDetection() };
        AssessmentResult result = AssessmentBuilder.Build(report);
        Assert.Equal(OverallAssessment.NotAssessable, result.Overall);
        Assert.Contains(result.Findings, f => f.Level == FindingLevel.Limitation && f.Category == FindingCategory.Splicing);
        Assert.Contains(result.Findings, f => f.Level == FindingLevel.Limitation && f.Category == FindingCategory.CopyNumber);
    }

    [Fact]
    public void TheDeepPanelTruthIsAResistanceMechanismLedByTheStrongestFindings()
    {
        AssessmentResult result = AssessmentBuilder.Build(ReportFixtures.DeepTumor() with { Qc = new QcSummary { MeanDepth = 2000 } });
        Assert.Equal(OverallAssessment.ResistanceMechanismDetected, result.Overall);
        string[] flagged = result.Findings.Where(f => f.Level == FindingLevel.ResistanceMechanism).Select(f => f.Statement).ToArray();

        // C391R (zinc ligand), W386R, W380G (pocket), R419X (nonsense before 426), INS1 (frameshift); H353R is filtered in the fixture.
        Assert.Equal(5, flagged.Length);
        Assert.Contains(flagged, s => s.Contains("p.Leu294CysfsTer18", StringComparison.Ordinal));
        Assert.DoesNotContain(flagged, s => s.Contains("p.His353Arg", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Level == FindingLevel.UncertainSignificance && f.Statement.Contains("p.Ile90del", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Category == FindingCategory.Germline && f.Statement.Contains("rs2032582", StringComparison.Ordinal));
        Assert.StartsWith("Resistance mechanism detected.", result.Summary);
    }
}
