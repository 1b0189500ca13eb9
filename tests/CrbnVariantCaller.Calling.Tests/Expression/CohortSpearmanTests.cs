using System.Globalization;
using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Gtf;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.TestSupport;
using MathNet.Numerics.Statistics;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.Expression;

/// <summary>
/// The 10-sample simulated cohort: reported TPM against the design TPM of <c>expression_truth.tsv</c>, and percentiles
/// against the cohort built from the same samples.
/// </summary>
public sealed class CohortSpearmanTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<(string Id, GeneCountResult Result)>> Cohort = new(QuantifyCohort);

    /// <summary>
    /// Against the simulated truth of what is in the BAMs: TPM from the realised fragments of <c>expression_truth.tsv</c>
    /// with the simulator's effective length (exonic length − 219, <c>sim/rna.py</c>), renormalised over the 12 genes.
    /// </summary>
    [Fact]
    public void Spearman_of_reported_tpm_with_realised_truth_is_at_least_0_95_for_every_gene()
    {
        List<TruthRow> truth = ReadTruth();
        List<(string Id, GeneCountResult Result)> cohort = Cohort.Value;
        Assert.Equal(10, cohort.Count);
        Dictionary<(string Sample, string Gene), double> realised = RealisedTpm(truth, cohort[0].Result.Profile);
        foreach (string gene in truth.Select(t => t.Gene).Distinct())
        {
            double[] ours = cohort.Select(s => s.Result.Profile[gene]!.Tpm!.Value).ToArray();
            double rho = Correlation.Spearman(ours, cohort.Select(s => realised[(s.Id, gene)]));
            output.WriteLine($"{gene}\tSpearman vs realised-fragment TPM {rho:F3}");
            Assert.True(rho >= 0.95, $"{gene}: Spearman(reported TPM, realised truth) = {rho:F3} < 0.95");
            foreach ((string id, GeneCountResult r) in cohort)
            {
                // hisat2 leaves a few simulated fragments unaligned or multi-mapped (featureCounts agrees with us, see ExpressionQuantifierTests)
                long simulated = truth.Single(t => t.Sample == id && t.Gene == gene).Fragments;
                Assert.InRange(r.Profile[gene]!.Counts!.Value, simulated * 0.97 - 2, simulated);
            }
        }
    }

    /// <summary>
    /// Against the design TPM: for genes whose design values of several samples lie within the multinomial noise of a
    /// 6000-fragment library (IKZF1, MIR22HG, IL5RA), no counting method can reach 0.95 from these reads, because the
    /// realised fragments themselves rank differently. The test therefore requires ≥ 0.95 wherever the realised
    /// fragments allow it, and otherwise the same correlation as the realised fragments (within 0.02).
    /// </summary>
    [Fact]
    public void Spearman_of_reported_tpm_with_design_truth_reaches_what_the_realised_fragments_allow()
    {
        List<TruthRow> truth = ReadTruth();
        List<(string Id, GeneCountResult Result)> cohort = Cohort.Value;
        Dictionary<(string Sample, string Gene), double> realised = RealisedTpm(truth, cohort[0].Result.Profile);
        foreach (string gene in truth.Select(t => t.Gene).Distinct())
        {
            double[] design = cohort.Select(s => truth.Single(t => t.Sample == s.Id && t.Gene == gene).DesignTpm).ToArray();
            double ours = Correlation.Spearman(cohort.Select(s => s.Result.Profile[gene]!.Tpm!.Value), design);
            double ceiling = Correlation.Spearman(cohort.Select(s => realised[(s.Id, gene)]), design);
            output.WriteLine($"{gene}\tSpearman vs design TPM {ours:F3} (realised fragments themselves: {ceiling:F3})");
            Assert.True(ours >= Math.Min(0.95, ceiling - 0.02), $"{gene}: Spearman(reported TPM, design) = {ours:F3}, realised fragments give {ceiling:F3}");
        }
    }

    [Fact]
    public void Every_cohort_sample_is_detected_reverse_stranded()
    {
        foreach ((string id, GeneCountResult r) in Cohort.Value)
        {
            Assert.Equal(Strandedness.ReverselyStranded, r.Strandedness.Strandedness);
            Assert.Equal(StrandednessSource.Detected, r.Strandedness.Source);
            Assert.True(r.Strandedness.Confidence > 0.95, $"{id}: {r.Strandedness.Explanation}");
        }
    }

    [Fact]
    public void Batch_percentiles_follow_the_truth_order()
    {
        List<(string Id, GeneCountResult Result)> cohort = Cohort.Value;
        ReferenceCohort batch = ReferenceCohort.FromBatch(cohort.Select(c => (c.Id, c.Result.Profile)).ToList());
        foreach (string gene in BiomarkerGenes.Symbols)
        {
            var ordered = cohort.OrderBy(c => c.Result.Profile[gene]!.Tpm).ToList();
            double[] percentiles = ordered.Select(c => batch.Percentile(gene, c.Result.Profile[gene]!.Tpm).Percentile!.Value).ToArray();
            // ten distinct values: the Hazen positions 5, 15, ..., 95
            Assert.Equal(Enumerable.Range(0, 10).Select(i => 5.0 + 10 * i), percentiles);
        }
    }

    private sealed record TruthRow(string Sample, string Gene, double DesignTpm, long Fragments);

    private static List<TruthRow> ReadTruth() =>
        File.ReadLines(Path.Combine(RepoPaths.TestData, "rna/cohort/expression_truth.tsv"))
            .Skip(1).Select(l => l.Split('\t'))
            .Select(f => new TruthRow(f[0], f[1], double.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToList();

    private static Dictionary<(string, string), double> RealisedTpm(List<TruthRow> truth, ExpressionProfile lengths)
    {
        var result = new Dictionary<(string, string), double>();
        foreach (IGrouping<string, TruthRow> sample in truth.GroupBy(t => t.Sample))
        {
            double Rate(TruthRow t) => t.Fragments / (lengths[t.Gene]!.Length!.Value - 219);
            double sum = sample.Sum(Rate);
            foreach (TruthRow t in sample)
            {
                result[(t.Sample, t.Gene)] = Rate(t) / sum * 1e6;
            }
        }

        return result;
    }

    private static List<(string, GeneCountResult)> QuantifyCohort()
    {
        using ComputeEngine engine = CpuCompute.Engine();
        var results = new List<(string, GeneCountResult)>();
        IReadOnlyList<TranscriptModel> models = TranscriptModelBuilder.Load(Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.gtf"));
        for (int i = 1; i <= 10; i++)
        {
            string id = $"COHORT_{i:00}";
            RnaBam rna = RnaBam.Load(Path.Combine(RepoPaths.TestData, "rna", "cohort", id + ".bam"));
            ExpressionAnnotation annotation = ExpressionAnnotation.FromModels(models, rna.ReferenceNames);
            StrandednessCall strand = engine.DetectStrandedness(rna.Batch, annotation);
            results.Add((id, engine.QuantifyGenes(rna.Batch, annotation, strand, rna.MappedReads)));
        }

        return results;
    }
}
