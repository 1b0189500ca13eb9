using System.IO.Compression;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>Validates a written VCF with the peers users will feed it to (bcftools, tabix).</summary>
internal static class VcfChecks
{
    /// <summary><c>bcftools view</c> reads every record and <c>bcftools norm --check-ref e -f REF</c> finds no REF mismatch.</summary>
    public static void AssertPassesBcftools(string vcf)
    {
        (int view, string body, string viewErr) = ExternalTool.TryRun("bcftools", "view", "--no-version", vcf);
        Assert.True(view == 0, $"bcftools view failed: {viewErr}");
        Assert.Contains("##fileformat=VCFv4.3", body, StringComparison.Ordinal);
        Assert.Contains("\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t", body, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^##FORMAT=<ID=GT,", body);
        Assert.Matches(@"(?m)^##FORMAT=<ID=AD,", body);
        Assert.Matches(@"(?m)^##FORMAT=<ID=AF,", body);
        Assert.Matches(@"(?m)^##FORMAT=<ID=DP,", body);

        (int norm, _, string normErr) = ExternalTool.TryRun("bcftools", "norm", "--no-version", "--check-ref", "e", "-f", CrbnRun.Reference, "-o", "/dev/null", vcf);
        Assert.True(norm == 0, $"bcftools norm --check-ref e failed: {normErr}");
        Assert.DoesNotContain("REF_MISMATCH", normErr, StringComparison.Ordinal);
    }

    /// <summary>The data lines exactly as written (bgzip is concatenated gzip members, which GZipStream reads through).</summary>
    public static string[] RawRecords(string vcf)
    {
        using var gz = new GZipStream(File.OpenRead(vcf), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l[0] != '#').ToArray();
    }

    /// <summary>chrom:pos ref>alt of every PASS record (bcftools query).</summary>
    public static IReadOnlySet<string> PassRecords(string vcf) =>
        ExternalTool.Run("bcftools", "query", "-i", "FILTER=\"PASS\"", "-f", "%CHROM:%POS %REF>%ALT\n", vcf)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The <c>.tbi</c> beside the VCF exists and tabix answers region queries: a query on each record's own
    /// position returns that record, and a query over the whole of chr3 returns every chr3 record.
    /// </summary>
    public static void AssertTabixQueries(string vcf)
    {
        Assert.True(File.Exists(vcf + ".tbi"), $"{vcf}.tbi was not written");
        string[] all = RawRecords(vcf);
        Assert.NotEmpty(all);

        string[] chr3 = ExternalTool.Run("tabix", vcf, "chr3").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(all.Where(l => l.StartsWith("chr3\t", StringComparison.Ordinal)), chr3);

        foreach (string record in all)
        {
            string[] f = record.Split('\t');
            string hit = ExternalTool.Run("tabix", vcf, $"{f[0]}:{f[1]}-{f[1]}");
            Assert.Contains(record, hit.Split('\n'));
        }

        Assert.Equal(string.Empty, ExternalTool.Run("tabix", vcf, "chr3:1-1000"));
    }
}
