using CrbnVariantCaller.Calling.Signatures;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Signatures;

public sealed class SignatureScoreTests
{
    private static readonly GeneSignature Signature = new("test",
    [
        new SignatureGene("A1", SignatureDirection.Adverse),
        new SignatureGene("A2", SignatureDirection.Adverse),
        new SignatureGene("F1", SignatureDirection.Favourable),
        new SignatureGene("F2", SignatureDirection.Favourable, 3),
        new SignatureGene("ZZ", SignatureDirection.Favourable),
    ]);

    [Fact]
    public void Difference_score_is_weighted_mean_log2_adverse_minus_favourable_and_lists_missing_genes()
    {
        var tpm = new Dictionary<string, double> { ["a1"] = 3, ["A2"] = 15, ["F1"] = 0, ["F2"] = 7, ["OTHER"] = 1000 };
        DifferenceScore s = DifferenceScorer.Score(Signature, tpm);
        Assert.Equal((2.0 + 4.0) / 2, s.AdverseMean);                   // log2(4), log2(16)
        Assert.Equal((0.0 + 3 * 3.0) / 4, s.FavourableMean);            // log2(1), weight 3 × log2(8)
        Assert.Equal(3.0 - 2.25, s.Score!.Value, 12);
        Assert.Equal(["ZZ"], s.Missing);
        Assert.Equal(["A1", "A2"], s.AdverseUsed);
    }

    [Fact]
    public void Difference_score_is_null_when_a_side_is_missing()
    {
        DifferenceScore s = DifferenceScorer.Score(Signature, new Dictionary<string, double> { ["A1"] = 3 });
        Assert.Null(s.Score);
        Assert.Equal(4, s.Missing.Count);
    }

    [Fact]
    public void Rank_score_reaches_its_bounds_and_is_zero_for_a_random_like_placement()
    {
        // universe of 10 genes; adverse genes highest, favourable lowest → maximal score
        var tpm = new Dictionary<string, double>();
        for (int i = 1; i <= 6; i++)
        {
            tpm[$"G{i}"] = 10 + i;
        }

        tpm["A1"] = 100; tpm["A2"] = 90; tpm["F1"] = 1; tpm["F2"] = 2;
        RankScore top = RankScorer.Score(Signature, tpm);
        Assert.Equal(10, top.UniverseSize);
        Assert.Equal(0.5, top.UpScore!.Value, 12);
        Assert.Equal(0.5, top.DownScore!.Value, 12);
        Assert.Equal(1.0, top.TotalScore!.Value, 12);
        Assert.Equal(["ZZ"], top.Missing);

        // swap: adverse lowest, favourable highest → minimal score
        tpm["A1"] = 1; tpm["A2"] = 2; tpm["F1"] = 100; tpm["F2"] = 90;
        RankScore bottom = RankScorer.Score(Signature, tpm);
        Assert.Equal(-1.0, bottom.TotalScore!.Value, 12);

        // adverse at ranks 1 and 10 (mean 5.5 = universe mid-rank) → 0
        tpm["A1"] = 0.5; tpm["A2"] = 1000;
        Assert.Equal(0.0, RankScorer.Score(Signature, tpm).UpScore!.Value, 12);
    }

    [Fact]
    public void Rank_score_gives_ties_their_mean_rank()
    {
        // all equal: every gene has rank (N+1)/2, so both set scores are exactly 0
        var tpm = new Dictionary<string, double> { ["A1"] = 5, ["A2"] = 5, ["F1"] = 5, ["F2"] = 5, ["X"] = 5, ["Y"] = 5 };
        RankScore s = RankScorer.Score(Signature, tpm);
        Assert.Equal(0.0, s.TotalScore!.Value, 12);
    }

    [Fact]
    public void Signature_rejects_duplicates_and_bad_weights()
    {
        Assert.Throws<ArgumentException>(() => new GeneSignature("x", [new("A", SignatureDirection.Adverse), new("a", SignatureDirection.Favourable)]));
        Assert.Throws<ArgumentException>(() => new GeneSignature("x", [new("A", SignatureDirection.Adverse, 0)]));
        Assert.Throws<ArgumentException>(() => new GeneSignature("x", []));
    }
}
