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
    [InlineData("missense_variant", 318, OverallAssessment.ResistanceMechanismDetected)] // first CULT residue
    [InlineData("missense_variant", 426, OverallAssessment.ResistanceMechanismDetected)] // last CULT residue
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
        }
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
        InterpretationRules narrow = InterpretationRules.Default with { DomainStart = 350 };
        Assert.Equal(OverallAssessment.NoneDetected, new AssessmentBuilder(narrow).Assess(Base() with { Variants = [Variant("missense_variant", 340)] }).Overall);
        Assert.Equal(OverallAssessment.ResistanceMechanismDetected, new AssessmentBuilder().Assess(Base() with { Variants = [Variant("missense_variant", 340)] }).Overall);
    }

    [Theory]
    [InlineData(SplicingStatus.Detected, OverallAssessment.ResistanceMechanismDetected)]
    [InlineData(SplicingStatus.NotDetected, OverallAssessment.NoneDetected)]
    public void ExonTenSkipping(SplicingStatus status, OverallAssessment expected)
    {
        SampleReport report = Base() with { Splicing = new SplicingSection { CrbnExon10Skipping = new Exon10Skipping { Status = status, PsiSkipped = 0.2, SkipReads = 30, InclusionReads = 240, Reasoning = "r" } } };
        AssessmentResult result = AssessmentBuilder.Build(report);
        Assert.Equal(expected, result.Overall);
        if (status == SplicingStatus.Detected)
        {
            Assert.Contains("340-382", result.Findings[0].Statement);
            Assert.Contains("psi_skipped 0.2", result.Findings[0].Evidence);
        }
    }

    [Theory]
    [InlineData(CopyNumberState.HomozygousLoss, OverallAssessment.ResistanceMechanismDetected)]
    [InlineData(CopyNumberState.HemizygousLoss, OverallAssessment.Possible)]
    [InlineData(CopyNumberState.PartialLoss, OverallAssessment.Possible)]
    [InlineData(CopyNumberState.Neutral, OverallAssessment.NoneDetected)]
    [InlineData(CopyNumberState.Gain, OverallAssessment.NoneDetected)]
    public void CopyNumber(CopyNumberState state, OverallAssessment expected)
    {
        SampleReport report = Base() with { CopyNumber = new CopyNumberSection { Crbn = new CrbnCopyNumber { State = state, Log2Ratio = -3.3, ExonsAffected = [9, 10, 11] } } };
        Assert.Equal(expected, AssessmentBuilder.Build(report).Overall);
    }

    [Theory]
    [InlineData(10.0, OverallAssessment.Possible)]
    [InlineData(25.0, OverallAssessment.Possible)]
    [InlineData(26.0, OverallAssessment.NoneDetected)]
    [InlineData(null, OverallAssessment.NoneDetected)]
    public void LowCrbnExpressionPercentileIsPossibleAndNeverAnAbsoluteCutOff(double? percentile, OverallAssessment expected)
    {
        SampleReport report = Base() with
        {
            Expression = new ExpressionSection { Genes = new Dictionary<string, GeneExpression> { ["CRBN"] = new() { Counts = 3, Tpm = 0.5, Percentile = percentile } } },
        };
        AssessmentResult result = AssessmentBuilder.Build(report);
        Assert.Equal(expected, result.Overall);
        if (expected == OverallAssessment.Possible)
        {
            Assert.Contains(result.Findings, f => f.Citations.Any(c => c.Contains("PMID 24129344", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void ContextBiomarkersAreInformationalOnly()
    {
        SampleReport report = Base() with
        {
            Expression = new ExpressionSection { Genes = new Dictionary<string, GeneExpression> { ["ADAR"] = new() { Counts = 900, Percentile = 95 }, ["SLC16A1"] = new() { Counts = 500, Percentile = 90 } } },
        };
        AssessmentResult result = AssessmentBuilder.Build(report);
        Assert.Equal(OverallAssessment.NoneDetected, result.Overall);
        Assert.Equal(2, result.Findings.Count(f => f.Level == FindingLevel.Informational && f.Category == FindingCategory.Expression));
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

        // C391R, W386R, W380G (CULT missense), R419X (nonsense before 426), INS1 (frameshift); H353R is filtered in the fixture.
        Assert.Equal(5, flagged.Length);
        Assert.Contains(flagged, s => s.Contains("p.Leu294CysfsTer18", StringComparison.Ordinal));
        Assert.DoesNotContain(flagged, s => s.Contains("p.His353Arg", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Level == FindingLevel.UncertainSignificance && f.Statement.Contains("p.Ile90del", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Category == FindingCategory.Germline && f.Statement.Contains("rs2032582 1/1", StringComparison.Ordinal));
        Assert.StartsWith("Resistance mechanism detected.", result.Summary);
    }
}
