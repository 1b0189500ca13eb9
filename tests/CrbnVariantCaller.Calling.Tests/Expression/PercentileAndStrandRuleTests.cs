using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Counts;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Expression;

public sealed class PercentileAndStrandRuleTests
{
    [Fact]
    public void Mid_rank_percentile_shares_ties_and_is_symmetric()
    {
        double[] reference = [1, 2, 2, 3, 10];
        Assert.Equal(10.0, PercentileRank.Of(1, reference));         // (0 + 1/2) / 5
        Assert.Equal(40.0, PercentileRank.Of(2, reference));         // (1 + 2/2) / 5
        Assert.Equal(0.0, PercentileRank.Of(0.5, reference));
        Assert.Equal(100.0, PercentileRank.Of(11, reference));
        Assert.Equal(80.0, PercentileRank.Of(5, reference));         // between 3 and 10
        Assert.Equal(90.0, PercentileRank.Of(10, reference));
    }

    [Fact]
    public void Cohort_gives_no_percentile_for_missing_genes_or_too_few_values()
    {
        var cohort = new ReferenceCohort(["a", "b", "c", "d", "e", "f"],
            new Dictionary<string, double[]>
            {
                ["CRBN"] = [1, 2, 3, 4, 5, 6],
                ["MYC"] = [1, double.NaN, double.NaN, 4, 5, 6],
            }, "test");
        Assert.Equal(50.0, cohort.Percentile("crbn", 3.5).Percentile);
        Assert.Equal(6, cohort.Percentile("CRBN", 3.5).ReferenceSize);
        GenePercentile myc = cohort.Percentile("MYC", 3);
        Assert.Null(myc.Percentile);
        Assert.Contains("only 4 reference values", myc.Reason, StringComparison.Ordinal);
        Assert.Contains("not in the reference cohort", cohort.Percentile("IKZF1", 3).Reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ReferenceCohort(["a"], new Dictionary<string, double[]> { ["X"] = [1, 2] }, "test"));
    }

    [Fact]
    public void Cohort_builder_refuses_profiles_on_another_tpm_basis()
    {
        var a = new ExpressionProfile([new GeneExpression("CRBN", 10, 100, null, 1000)], "kernel", "12 counted genes");
        var b = new ExpressionProfile([new GeneExpression("CRBN", 10, 100, null, 1000)], "salmon", "as imported");
        var builder = new CohortBuilder().Add("s1", a);
        Assert.Throws<ArgumentException>(() => builder.Add("s2", b));
        Assert.Throws<ArgumentException>(() => builder.Add("s1", a));
    }

    [Theory]
    [InlineData(10, 990, Strandedness.ReverselyStranded, StrandednessSource.Detected)]
    [InlineData(950, 50, Strandedness.Stranded, StrandednessSource.Detected)]
    [InlineData(480, 520, Strandedness.Unstranded, StrandednessSource.Detected)]
    [InlineData(300, 700, Strandedness.Unstranded, StrandednessSource.AssumedUnstranded)]
    [InlineData(2, 40, Strandedness.Unstranded, StrandednessSource.AssumedUnstranded)]
    public void Strand_rule(long sense, long antisense, Strandedness expected, StrandednessSource source)
    {
        StrandednessCall call = LibraryStrandDetector.Classify(sense, antisense);
        Assert.Equal(expected, call.Strandedness);
        Assert.Equal(source, call.Source);
        if (source == StrandednessSource.AssumedUnstranded)
        {
            Assert.Equal(0, call.Confidence);
            Assert.Contains("assumed unstranded", call.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Imported_counts_with_lengths_get_tpm_like_the_quantifier()
    {
        ExpressionProfile p = ExpressionProfile.FromImported(
            [("A", 100, null, 1000), ("B", 100, null, 4000), ("C", 0, null, 500)], "featureCounts");
        Assert.Equal(800000, p["A"]!.Tpm!.Value, 6);
        Assert.Equal(200000, p["B"]!.Tpm!.Value, 6);
        Assert.Equal(0, p["C"]!.Tpm!.Value);
        Assert.Equal(500000, p["A"]!.Cpm!.Value, 6);
    }
}
