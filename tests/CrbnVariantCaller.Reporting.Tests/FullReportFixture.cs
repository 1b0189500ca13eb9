using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Reporting.Assessment;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Tests;

/// <summary>A report with every section filled, on top of the DEEP_TUMOR truth variants.</summary>
internal static class FullReportFixture
{
    public static SampleReport Build(string sample = "DEEP_TUMOR")
    {
        SampleReport deep = ReportFixtures.DeepTumor(sample);
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);
        List<Position> coding = crbn.CdsIntervals.SelectMany(i => Enumerable.Range(i.Start.Value, i.Length)).Select(p => new Position(p)).OrderBy(p => p).ToList();
        List<int> depths = coding.Select((p, i) => 1800 + (i % 400)).ToList();
        depths[10] = 40;
        Intron skip = crbn.SkipJunction(10);
        Intron up = crbn.Junction(9, 10);
        Intron down = crbn.Junction(10, 11);

        SampleReport report = deep with
        {
            Tool = deep.Tool with { Fallbacks = [new FallbackEvent("pileup", "opencl", "cpu", "clBuildProgram failed: -11")], CommandLine = "crbn call --dna DEEP_TUMOR.bam" },
            LabFunctionalVariants = new FunctionalVariantTable("our_lab_crbn.tsv",
                [new FunctionalVariant("p.Pro350Leu", [350], "lenalidomide degradation of IKZF1 in MM.1S", "IKZF1 no longer degraded", null, "10.1000/lab.2026.1")]),
            Inputs = new InputsInfo
            {
                Files = [new InputFile("dna", "testdata/dna/deep_panel/DEEP_TUMOR.bam") { SizeBytes = 1234 }],
                Reference = new InputFile("reference", ReportFixtures.Reference),
            },
            KnownResidues =
            [
                new KnownResidueObservation
                {
                    Residue = "W380", Codon = 380, Roles = ["drug_contact", "tri_tryptophan_pocket"], Chrom = "chr3",
                    Pos = new Position(3152466), CodonBase = 1, RefBase = "A", Depth = 1919, RefReads = 1879, AltReads = 40, AltFraction = 40 / 1919.0, MinDetectableVaf = 0.004,
                },
            ],
            Qc = new QcSummary { MeanDepth = 1990.5, MedianDepth = 1995, MinDepth = 40, FractionAtLeast100x = 0.999, FractionAtLeast500x = 0.999, DuplicateRate = 0.012, CodingBases = coding.Count, ReadsExamined = 300000 },
            LimitOfDetection = new LimitOfDetection
            {
                Method = "binomial, error 0.001, alpha 0.01", TargetVaf = 0.02, Positions = coding, Depths = depths,
                MinVaf = depths.Select(d => d == 0 ? (double?)null : Math.Min(1, 8.0 / d)).ToList(), PositionsAboveTarget = 1,
            },
            CopyNumber = new CopyNumberSection
            {
                Crbn = new CrbnCopyNumber
                {
                    Call = CopyNumberState.Neutral, Log2Ratio = 0.01, EstimatedCopies = 2.0, Method = "depth ratio vs panel of normals",
                    Segment = new CopyNumberSegmentReport { Chrom = "chr3", Start = 2_000_001, End = 4_500_000, Log2Ratio = 0.012, StandardError = 0.021, Bins = 261 },
                    Baf = new CopyNumberAlleles { Source = "matched normal", HetSnps = 48, MinorAlleleFraction = 0.493, LikelihoodRatio = 0.4, Loh = false },
                    Purity = new CopyNumberPurity { Source = "unknown", Reason = "not estimable: no segment's B-allele frequency or depth identifies the purity of a balanced sample" },
                },
            },
            Splicing = new SplicingSection
            {
                CrbnExon10Skipping = new Exon10Skipping
                {
                    Status = SplicingStatus.Detected, PsiSkipped = 0.2, CiLow = 0.15, CiHigh = 0.26, SkipReads = 30, InclusionReads = 240,
                    UpstreamInclusionReads = 118, DownstreamInclusionReads = 122, Normalisation = "rMATS JC: (I/2)/(I/2+S)", IntervalMethod = "Wilson", Reasoning = "270 junction reads >= 20",
                    Cohort = new Exon10CohortComparison { Cohort = "Newly diagnosed myeloma, institutional RNA-seq cohort 2024 (n=48)", Samples = 48, Percentile = 87.5, HighPercentile = 95, HighPsi = 0.31 },
                },
                Junctions =
                [
                    Junction(up, 118, "e9-e10", true), Junction(down, 122, "e10-e11", true), Junction(skip, 30, "skip e10", true, "in-frame loss of residues 340-382"),
                    new JunctionReport { Chrom = "chr3", IntronStart = new Position(3160000), IntronEnd = new Position(3161000), UniqueReads = 3, Label = "novel <b>", Annotated = false },
                ],
                StrandSource = "library dUTP (auto)",
            },
            Expression = new ExpressionSection
            {
                Genes = new Dictionary<string, GeneExpression>
                {
                    ["CRBN"] = new() { Counts = 1100, Tpm = 58.2, Cpm = 180, Percentile = 12 },
                    ["MYC"] = new() { Counts = 3000, Tpm = 120, Percentile = null },
                    ["ADAR"] = new() { Counts = 900, Tpm = 50, Percentile = 80 },
                },
                Signatures = [new SignatureScore { Name = "example", Method = "rank_singscore", Score = 0.12, GenesUsed = 5, GenesMissing = ["GENE_X"] }],
                Source = "rna_bam", PercentileReference = "cohort.tsv (10 samples)", LibrarySize = 6_000_000,
            },
            NotAssessable = [new NotAssessableItem("point mutations at chr3:3,152,500", "depth 40 cannot show a VAF below 0.2")],
        };
        return AssessmentBuilder.WithAssessment(report);
    }

    private static JunctionReport Junction(Intron intron, int reads, string label, bool annotated, string? effect = null) => new()
    {
        Chrom = intron.Interval.Contig, IntronStart = intron.Interval.Start, IntronEnd = intron.Interval.End, UniqueReads = reads,
        Label = label, Annotated = annotated, PredictedEffect = effect, MaxOverhang = 50,
    };
}
