using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.TestData.Tests;

/// <summary>Every truth VCF is valid for bcftools, matches the reference and is already normalised.</summary>
public sealed class TruthVcfTests
{
    private static IEnumerable<string> TruthVcfs =>
        SyntheticWorld.Manifest.Where(r => r.TruthVcf.Length > 0).Select(r => SyntheticWorld.PathOf(r.TruthVcf)).Distinct();

    [ToolFact("samtools", "bcftools")]
    public void EveryTruthVcfPassesBcftoolsViewAndCheckRef()
    {
        Assert.True(TruthVcfs.Count() >= 14, "truth VCFs are listed in the manifest");
        foreach (string vcf in TruthVcfs)
        {
            string text = ExternalTool.Run("bcftools", "view", vcf);
            Assert.Contains("##fileformat=VCFv4.3", text, StringComparison.Ordinal);
            Assert.Contains("##contig=<ID=chr3,length=198295559>", text, StringComparison.Ordinal);
            (int code, _, string err) = ExternalTool.TryRun("bcftools", "norm", "--check-ref", "e", "-f", SyntheticWorld.Reference, "-o", "/dev/null", vcf);
            Assert.True(code == 0, $"{vcf}: {err}");
            Assert.True(File.Exists(vcf + ".tbi"), vcf + ".tbi");
        }
    }

    [ToolFact("samtools", "bcftools")]
    public void SmallVariantsAreAlreadyLeftAlignedAndParsimonious()
    {
        foreach (string vcf in TruthVcfs)
        {
            string before = Records(ExternalTool.Run("bcftools", "view", "-H", vcf));
            string after = Records(ExternalTool.Run("bcftools", "norm", "-f", SyntheticWorld.Reference, vcf));
            Assert.Equal(before, after);
        }

        static string Records(string text) => string.Join('\n', text.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => string.Join('\t', l.Split('\t')[..5])));
    }
}
