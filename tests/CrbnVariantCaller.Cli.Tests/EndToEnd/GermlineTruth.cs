using System.Text.Json;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>Compares germline.snps[] with the PGx genotypes of a truth VCF.</summary>
internal static class GermlineTruth
{
    /// <summary>
    /// Every typed PGx site's genotype, as a multiset of allele strings, equals the truth: the truth VCF's GT where it
    /// has the site (by rs ID), homozygous reference where it has not (the generator writes no record for 0/0, e.g.
    /// rs699947 in the deep panel). All five built-in sites must be typed.
    /// </summary>
    public static void AssertGenotypesEqualTruth(JsonElement report, IReadOnlyList<TruthVariant> truth)
    {
        var snps = report.GetProperty("germline").GetProperty("snps").EnumerateArray().ToList();
        Assert.Equal(
            new[] { "rs1045642", "rs1128503", "rs2010963", "rs2032582", "rs699947" },
            snps.Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));

        foreach (JsonElement snp in snps)
        {
            string id = snp.GetProperty("id").GetString()!;
            string reportedRef = snp.GetProperty("ref").GetString()!;
            string[] reportedAlleles = [reportedRef, .. snp.GetProperty("alt").GetString()!.Split(',')];
            string[] reported = Alleles(snp.GetProperty("genotype").GetString()!, reportedAlleles);

            TruthVariant? t = truth.SingleOrDefault(v => v.Id == id);
            string[] expected = t is null ? [reportedRef, reportedRef] : Alleles(t.Genotype, [t.Ref, t.Alt]);
            if (t is not null)
            {
                Assert.Equal(t.Chrom, snp.GetProperty("chrom").GetString());
                Assert.Equal(t.Pos, snp.GetProperty("pos").GetInt64());
                Assert.Equal(t.Ref, reportedRef);
            }

            Assert.True(expected.SequenceEqual(reported), $"{id}: reported {string.Join('/', reported)}, truth {string.Join('/', expected)}");
            Assert.True(snp.GetProperty("depth").GetInt32() >= 100, $"{id}: depth {snp.GetProperty("depth")} on a deep panel");
        }
    }

    private static string[] Alleles(string genotype, string[] alleles) =>
        genotype.Split('/', '|').Select(i => alleles[int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)]).Order(StringComparer.Ordinal).ToArray();
}
