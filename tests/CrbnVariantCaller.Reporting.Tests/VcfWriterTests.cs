using System.IO.Compression;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Vcf;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

public sealed class VcfWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-vcf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Vcf, string Tbi) WriteBgzf(SampleReport report, VcfContext? context = null)
    {
        string vcf = Path.Combine(_dir, report.Sample + ".vcf.gz");
        using (FileStream v = File.Create(vcf))
        using (FileStream t = File.Create(vcf + ".tbi"))
        {
            VcfWriter.WriteBgzf(report, context ?? ReportFixtures.Context(), v, t);
        }

        return (vcf, vcf + ".tbi");
    }

    private static string Decompress(string path)
    {
        using FileStream file = File.OpenRead(path);
        using GZipStream gz = new(file, CompressionMode.Decompress);
        using StreamReader reader = new(gz);
        return reader.ReadToEnd();
    }

    [ToolFact("bcftools")]
    public void BcftoolsViewAcceptsTheFileAndReadsEveryRecordBack()
    {
        SampleReport report = ReportFixtures.DeepTumor();
        (string vcf, _) = WriteBgzf(report);

        (int code, string stdout, string stderr) = ExternalTool.TryRun("bcftools", "view", "-H", vcf);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("[W::", stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(report.Variants.Count + report.Germline.Snps.Count, lines.Length);

        // bcftools parses the FORMAT we wrote back into the same numbers.
        string query = ExternalTool.Run("bcftools", "query", "-f", "%CHROM:%POS %REF>%ALT %FILTER [%AD %DP %SB %FT] %INFO/HGVSP\n", vcf);
        VariantReport w386r = report.Variants.Single(v => v.HgvsP == "p.Trp386Arg");
        Assert.Contains($"chr3:{w386r.Pos} A>G PASS {w386r.RefReads},{w386r.AltReads} {w386r.Depth} {w386r.RefFwd},{w386r.RefRev},{w386r.AltFwd},{w386r.AltRev} PASS p.Trp386Arg", query);
        Assert.Contains("chr3:3152546 T>C low_alt_reads;strand_bias", query);
    }

    /// <summary>INFO/CSQ follows VEP's convention: bcftools +split-vep lists its fields from the header and splits each record.</summary>
    [ToolFact("bcftools")]
    public void BcftoolsSplitVepReadsTheCsqAnnotation()
    {
        SampleReport report = ReportFixtures.DeepTumor();
        (string vcf, _) = WriteBgzf(report);

        (int code, string fields, string stderr) = ExternalTool.TryRun("bcftools", "+split-vep", "-l", vcf);
        Assert.True(code == 0, stderr);
        string[] names = fields.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[1]).ToArray();
        Assert.Equal(["Allele", "Consequence", "IMPACT", "SYMBOL", "Gene", "Feature_type", "Feature", "BIOTYPE", "EXON", "HGVSc", "HGVSp", "Protein_position", "DOMAINS"], names);

        string split = ExternalTool.Run("bcftools", "+split-vep", "-f", "%POS %Allele %Consequence %IMPACT %SYMBOL %Feature %EXON %HGVSc %HGVSp %Protein_position\n", "-e", "INFO/GERMLINE=1", vcf);
        VariantReport w386r = report.Variants.Single(v => v.HgvsP == "p.Trp386Arg");
        string expected = $"{w386r.Pos} G missense_variant MODERATE CRBN NM_016302.4 {(w386r.Exon is int e ? $"{e}/11" : ".")} NM_016302.4:c.1156T>C p.Trp386Arg 386";
        Assert.True(split.Contains(expected, StringComparison.Ordinal), $"expected '{expected}' in:\n{split}");
        Assert.Contains("stop_gained HIGH CRBN", split);
        Assert.Equal(report.Variants.Count, split.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [ToolFact("bcftools")]
    public void BcftoolsNormCheckRefPassesOnTheReferenceAndFailsOnAWrongRef()
    {
        (string vcf, _) = WriteBgzf(ReportFixtures.DeepTumor());
        (int code, _, string stderr) = ExternalTool.TryRun("bcftools", "norm", "--check-ref", "e", "-f", ReportFixtures.Reference, "-o", "/dev/null", vcf);
        Assert.True(code == 0, stderr);

        // The same check must be able to fail: a REF that is not the reference base.
        SampleReport bad = ReportFixtures.DeepTumor("BAD") with
        {
            Variants = [ReportFixtures.DeepTumor().Variants[0] with { Ref = "T", Alt = "G" }],
            Germline = new GermlineSection(),
        };
        (string badVcf, _) = WriteBgzf(bad);
        (int badCode, _, _) = ExternalTool.TryRun("bcftools", "norm", "--check-ref", "e", "-f", ReportFixtures.Reference, "-o", "/dev/null", badVcf);
        Assert.NotEqual(0, badCode);
    }

    [Fact]
    public void HeaderListsEveryContigWithItsLengthAndEveryFilterUsed()
    {
        SampleReport report = ReportFixtures.DeepTumor() with { Variants = [ReportFixtures.DeepTumor().Variants[0] with { Filter = "undocumented_filter" }] };
        using MemoryStream ms = new();
        VcfWriter.WriteText(report, ReportFixtures.Context(), ms);
        string text = System.Text.Encoding.UTF8.GetString(ms.ToArray());
        string[] lines = text.Split('\n');

        Assert.Equal("##fileformat=VCFv4.3", lines[0]);
        foreach (Core.Genome.ContigInfo contig in ReportFixtures.Contigs())
        {
            Assert.Contains($"##contig=<ID={contig.Name},length={contig.Length},assembly=GRCh38>", lines);
        }

        Assert.Contains(lines, l => l.StartsWith("##FILTER=<ID=strand_bias,Description=\"Alt reads on one strand", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("##FILTER=<ID=undocumented_filter,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("##FORMAT=<ID=SB,Number=4,Type=Integer", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("##fileDate", StringComparison.Ordinal));
        Assert.Equal("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tDEEP_TUMOR", lines.Single(l => l.StartsWith("#CHROM", StringComparison.Ordinal)));
    }

    [Fact]
    public void RecordsAreSortedByContigOrderThenPositionAndReservedCharactersAreEncoded()
    {
        SampleReport fixture = ReportFixtures.DeepTumor();
        SampleReport report = fixture with
        {
            Variants = [.. fixture.Variants.Reverse(), fixture.Variants[0] with { HgvsP = "p.(=)", Pos = new Position(3_150_000) }],
        };
        using MemoryStream ms = new();
        VcfWriter.WriteText(report, ReportFixtures.Context(), ms);
        string[] records = System.Text.Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#')).ToArray();

        List<string> order = ReportFixtures.Contigs().Select(c => c.Name).ToList();
        var keys = records.Select(r => r.Split('\t')).Select(f => (Contig: order.IndexOf(f[0]), Pos: int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(keys.OrderBy(k => k.Contig).ThenBy(k => k.Pos), keys);
        Assert.Equal(["chr3", "chr6", "chr7"], keys.Select(k => order[k.Contig]).Distinct());
        Assert.Contains(records, r => r.Contains("HGVSP=p.(%3D)", StringComparison.Ordinal));
    }

    [Fact]
    public void PlainTextEqualsTheDecompressedBgzfFile()
    {
        SampleReport report = ReportFixtures.DeepTumor();
        (string vcf, _) = WriteBgzf(report);
        using MemoryStream ms = new();
        VcfWriter.WriteText(report, ReportFixtures.Context(), ms);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(ms.ToArray()), Decompress(vcf));
    }

    [Fact]
    public void AContigMissingFromTheHeaderIsAnError()
    {
        SampleReport report = ReportFixtures.DeepTumor() with { Variants = [ReportFixtures.DeepTumor().Variants[0] with { Chrom = "chrUn_x" }] };
        ArgumentException e = Assert.Throws<ArgumentException>(() => VcfWriter.WriteText(report, ReportFixtures.Context(), Stream.Null));
        Assert.Contains("chrUn_x", e.Message);
    }
}
