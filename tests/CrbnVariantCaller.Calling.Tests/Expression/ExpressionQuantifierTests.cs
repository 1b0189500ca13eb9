using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Gtf;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.Expression;

/// <summary>Gene counts against featureCounts 2.0.3 on the same GTF and strand settings, plus the normalisations.</summary>
public sealed class ExpressionQuantifierTests(ITestOutputHelper output)
{
    private static readonly string TestGtf = Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.gtf");

    private static readonly string CorpusGtf = Path.Combine(RepoPaths.Root, "tests", "CrbnVariantCaller.Calling.Tests", "Expression", "Fixtures", "degnorm_chr21_blocks.gtf");

    public static TheoryData<string> TestDataRnaBams() =>
    [
        "rna/cohort/COHORT_01.bam", "rna/cohort/COHORT_07.bam", "rna/exon10_psi/RNA_PSI020.bam",
        "rna/low_depth/RNA_LOWDEPTH.bam", "rna/expressed_snv/RNA_SNV.bam",
    ];

    [FeatureCountsTheory]
    [MemberData(nameof(TestDataRnaBams))]
    public void Testdata_gene_counts_equal_featureCounts_reverse_stranded_read_pairs(string relative)
    {
        string bam = Path.Combine(RepoPaths.TestData, relative);
        RnaBam rna = RnaBam.Load(bam);
        ExpressionAnnotation annotation = ExpressionAnnotation.FromModels(TranscriptModelBuilder.Load(TestGtf), rna.ReferenceNames);
        using ComputeEngine engine = CpuCompute.Engine();
        StrandednessCall strand = engine.DetectStrandedness(rna.Batch, annotation);
        Assert.Equal(Strandedness.ReverselyStranded, strand.Strandedness);

        GeneCountResult ours = engine.QuantifyGenes(rna.Batch, annotation, strand, rna.MappedReads);
        Assert.True(ours.CountedFragments);
        (Dictionary<string, long> expected, Dictionary<string, long> summary) = FeatureCountsRun.Run(bam, TestGtf, 2, paired: true, countPairs: true);
        Assert.Equal(12, expected.Count);
        foreach ((string gene, long count) in expected)
        {
            Assert.Equal((double)count, ours.Profile[gene]!.Counts);
        }

        Assert.Equal(summary["Unassigned_Ambiguity"], ours.Unassigned.GetValueOrDefault(FeatureAssignment.Ambiguous));
        Assert.Equal(summary["Unassigned_NoFeatures"], ours.Unassigned.GetValueOrDefault(FeatureAssignment.NoFeatures));
        output.WriteLine($"{relative}: {strand.Explanation}; {expected.Values.Sum()} fragments assigned, identical per gene");
    }

    [Fact]
    public void Panel_gene_models_count_like_the_testdata_gtf_and_normalise()
    {
        RnaBam rna = RnaBam.Load(Path.Combine(RepoPaths.TestData, "rna/cohort/COHORT_03.bam"));
        using ComputeEngine engine = CpuCompute.Engine();
        ExpressionAnnotation builtIn = ExpressionAnnotation.FromModels(BuiltInGeneModels.PanelGenes(GenomeBuild.GRCh38), rna.ReferenceNames);
        ExpressionAnnotation gtf = ExpressionAnnotation.FromModels(TranscriptModelBuilder.Load(TestGtf), rna.ReferenceNames);
        StrandednessCall strand = StrandednessCall.FromUser(Strandedness.ReverselyStranded);
        GeneCountResult a = engine.QuantifyGenes(rna.Batch, builtIn, strand, rna.MappedReads);
        GeneCountResult b = engine.QuantifyGenes(rna.Batch, gtf, strand, rna.MappedReads);
        foreach (string gene in BiomarkerGenes.Symbols)
        {
            Assert.Equal(b.Profile[gene]!.Counts, a.Profile[gene]!.Counts);
        }

        // TPM sums to 10^6 over the counted genes; CPM uses half the mapped reads when fragments are counted.
        Assert.Equal(1e6, a.Profile.Genes.Sum(g => g.Tpm!.Value), 6);
        Assert.Equal(rna.MappedReads / 2.0, a.LibrarySize);
        GeneExpression crbn = a.Profile["CRBN"]!;
        Assert.Equal(crbn.Counts!.Value / (rna.MappedReads / 2.0) * 1e6, crbn.Cpm!.Value, 9);
        Assert.Equal(2591, gtf.Find("CRBN")!.ExonicLength); // featureCounts' Length column for the MANE-only test GTF
        Assert.Equal(2591 + 141, builtIn.Find("CRBN")!.ExonicLength); // RefSeq merged exons add 3,172,506-3,172,646
    }

    [ToolFact("featureCounts")]
    public void Unstranded_call_of_a_stranded_library_counts_both_overlapping_strands_as_featureCounts_s0()
    {
        string bam = Path.Combine(RepoPaths.TestData, "rna/exon10_psi/RNA_PSI045.bam");
        RnaBam rna = RnaBam.Load(bam);
        ExpressionAnnotation annotation = ExpressionAnnotation.FromModels(TranscriptModelBuilder.Load(TestGtf), rna.ReferenceNames);
        using ComputeEngine engine = CpuCompute.Engine();
        foreach (Strandedness mode in new[] { Strandedness.Unstranded, Strandedness.Stranded })
        {
            GeneCountResult ours = engine.QuantifyGenes(rna.Batch, annotation, StrandednessCall.FromUser(mode), rna.MappedReads,
                new QuantificationOptions { CountFragments = false });
            (Dictionary<string, long> expected, _) = FeatureCountsRun.Run(bam, TestGtf, (int)mode, paired: true, countPairs: false);
            foreach ((string gene, long count) in expected)
            {
                Assert.Equal((double)count, ours.Profile[gene]!.Counts);
            }
        }
    }

    [CorpusFeatureCountsFact]
    public void Corpus_paired_tophat_bam_counts_equal_featureCounts_in_every_mode()
    {
        string bam = Path.Combine(RepoPaths.Corpus, "real_rna_spliced", "DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam");
        RnaBam rna = RnaBam.Load(bam);
        IReadOnlyList<TranscriptModel> models = TranscriptModelBuilder.Load(CorpusGtf);
        ExpressionAnnotation annotation = ExpressionAnnotation.FromModels(models, rna.ReferenceNames);
        using ComputeEngine engine = CpuCompute.Engine();

        StrandednessCall detected = engine.DetectStrandedness(rna.Batch, annotation);
        output.WriteLine(detected.Explanation);
        Assert.Equal(Strandedness.Unstranded, detected.Strandedness);
        Assert.Equal(StrandednessSource.Detected, detected.Source);

        foreach (Strandedness mode in Enum.GetValues<Strandedness>())
        {
            foreach (bool pairs in new[] { true, false })
            {
                GeneCountResult ours = engine.QuantifyGenes(rna.Batch, annotation, StrandednessCall.FromUser(mode), rna.MappedReads,
                    new QuantificationOptions { CountFragments = pairs });
                (Dictionary<string, long> expected, Dictionary<string, long> summary) = FeatureCountsRun.Run(bam, CorpusGtf, (int)mode, paired: true, countPairs: pairs);
                Assert.True(expected.Values.Sum() > 500);
                foreach ((string gene, long count) in expected)
                {
                    Assert.Equal((double)count, ours.Profile[gene]!.Counts);
                }

                Assert.Equal(summary["Unassigned_Ambiguity"], ours.Unassigned.GetValueOrDefault(FeatureAssignment.Ambiguous));
                Assert.Equal(summary["Unassigned_MultiMapping"], ours.Unassigned.GetValueOrDefault(FeatureAssignment.MultiMapping));
                output.WriteLine($"-s {(int)mode}{(pairs ? " --countReadPairs" : "")}: {expected.Values.Sum()} assigned, identical per gene");
            }
        }
    }
}
