using System.Text.Json;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.CopyNumber;

/// <summary>
/// <c>crbn pon</c> writes a panel from the testdata normals that <c>crbn call --pon</c> uses for the report's
/// <c>copy_number.crbn</c>; a broken panel or too few normals is exit 2 naming the file (and the line).
/// </summary>
public sealed class PonCommandTests : IDisposable
{
    private static readonly string Dir = Path.Combine(RepoPaths.TestData, "dna", "copy_number");
    private static readonly string Reference = Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");
    private readonly string _out = Directory.CreateTempSubdirectory("crbn-pon-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PonThenCallReportsTheDesignedCopyNumber(bool withBed)
    {
        string pon = Path.Combine(_out, "pon.tsv");
        string[] args = ["pon", "--normals", .. new[] { "PON_N1", "PON_N2", "PON_N3", "PON_N4" }.Select(Bam), "--reference", Reference, "--out", pon, "--device", "cpu"];
        if (withBed)
        {
            args = [.. args, "--targets", Path.Combine(RepoPaths.TestData, "reference", "panel_targets.bed")];
        }

        (int code, string stdout, string stderr) = CrbnProcess.Run(args);
        Assert.True(code == 0, stderr);
        Assert.Contains("4 normals", stdout, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(pon);
        Assert.Equal("##crbn-pon=3", lines[0]);
        Assert.Equal("##normals=PON_N1,PON_N2,PON_N3,PON_N4", lines[2]);
        Assert.Equal(11, lines.Count(l => l.StartsWith("chr3\t", StringComparison.Ordinal) && l.Contains("\tCRBN_exon", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains(withBed ? "\tantitarget\t" : "\tgenome\t", StringComparison.Ordinal));

        foreach ((string sample, string state, int[] exons) in new[]
        {
            ("CN_LOSS_P80", "hemizygous_loss", Enumerable.Range(1, 11).ToArray()),
            ("CN_HOMDEL_E9_11", "homozygous_loss", new[] { 9, 10, 11 }),
            ("CN_NEUTRAL", "neutral", Array.Empty<int>()),
        })
        {
            string outDir = Path.Combine(_out, sample);
            (code, _, stderr) = CrbnProcess.Run("call", "--dna", Bam(sample), "--reference", Reference, "--pon", pon, "--out", outDir, "--device", "cpu");
            Assert.True(code == 0, stderr);
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, sample + ".report.json")));
            JsonElement crbn = report.RootElement.GetProperty("copy_number").GetProperty("crbn");
            Assert.Equal(state, crbn.GetProperty("state").GetString());
            Assert.Equal(exons, crbn.GetProperty("exons_affected").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(JsonValueKind.Number, crbn.GetProperty("log2_ratio").ValueKind);
            Assert.Equal(JsonValueKind.Number, crbn.GetProperty("estimated_copies").ValueKind);
            Assert.Contains("panel of 4 normals", crbn.GetProperty("method").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(
                report.RootElement.GetProperty("not_assessable").EnumerateArray(),
                item => item.ToString().Contains("copy number", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void BrokenPanelIsExitTwoNamingTheLine()
    {
        string pon = Path.Combine(_out, "bad.tsv");
        File.WriteAllText(pon, "##crbn-pon=3\n##genome_build=GRCh38\n##normals=a,b\nchrom\tstart\tend\tname\tkind\tcrbn_exon\tgc\tlog2\tspread\tdepth\nchr3\t3149482\t3151195\tCRBN_exon11\ttarget\t11\t0.41\tabc\t0.1\t80\n");

        (int code, string stdout, string stderr) = CrbnProcess.Run(
            "call", "--dna", Bam("CN_NEUTRAL"), "--reference", Reference, "--pon", pon, "--out", Path.Combine(_out, "x"), "--device", "cpu");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"{pon}: line 5: log2 'abc' is not a finite number", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out, "x", "CN_NEUTRAL.report.json")));
    }

    /// <summary>
    /// Normals named in two styles (chr3 in two, 3 in the other two) must give the same panel as all-chr normals:
    /// targets are found in each BAM under its own naming.
    /// </summary>
    [ToolFact("samtools")]
    public void NormalsWithMixedContigNamingGiveTheSamePanel()
    {
        string[] mixed = new[] { "PON_N1", "PON_N2", "PON_N3", "PON_N4" }.Select(n => n is "PON_N3" or "PON_N4" ? WithoutChr(n) : Bam(n)).ToArray();
        string bed = Path.Combine(RepoPaths.TestData, "reference", "panel_targets.bed");
        string plainPon = Path.Combine(_out, "plain.tsv");
        string mixedPon = Path.Combine(_out, "mixed.tsv");

        (int code1, _, string err1) = CrbnProcess.Run(["pon", "--normals", .. new[] { "PON_N1", "PON_N2", "PON_N3", "PON_N4" }.Select(Bam), "--reference", Reference, "--targets", bed, "--out", plainPon, "--device", "cpu"]);
        (int code2, _, string err2) = CrbnProcess.Run(["pon", "--normals", .. mixed, "--reference", Reference, "--targets", bed, "--out", mixedPon, "--device", "cpu"]);

        Assert.True(code1 == 0, err1);
        Assert.True(code2 == 0, err2);
        string[] Body(string path) => File.ReadAllLines(path).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(Body(plainPon), Body(mixedPon));
    }

    /// <summary>A copy of a normal with <c>chr</c> dropped from every contig name (records re-encoded through SAM).</summary>
    private string WithoutChr(string sample)
    {
        string sam = ExternalTool.Run("samtools", "view", "-h", "--no-PG", Bam(sample));
        string renamed = System.Text.RegularExpressions.Regex.Replace(sam, @"(SN:|\t)chr([0-9XYM]+)\b", "$1$2");
        string samPath = Path.Combine(_out, sample + "_nochr.sam");
        string bamPath = Path.Combine(_out, sample + "_nochr.bam");
        File.WriteAllText(samPath, renamed);
        ExternalTool.Run("samtools", "view", "-b", "--no-PG", "-o", bamPath, samPath);
        ExternalTool.Run("samtools", "index", bamPath);
        return bamPath;
    }

    /// <summary>
    /// Through the crbn process on the hybrid-capture scenario: a 1.6-Mb deletion far past the gene at purity 0.4 and
    /// 0.3 is a hemizygous loss with its breakpoints, copy-neutral LOH is found from the BAF, the outlier normal is left
    /// out of the panel, --purity replaces the estimate, and a one-copy loss of two exons is a partial loss.
    /// </summary>
    [Fact]
    public void HybridPanelCallsDeletionPastTheGeneAndCopyNeutralLoh()
    {
        string hybrid = Path.Combine(RepoPaths.TestData, "dna", "copy_number_hybrid");
        string pon = Path.Combine(_out, "hybrid.tsv");
        string[] normals = ["CNH_N1", "CNH_N2", "CNH_N3", "CNH_N4", "CNH_N5_NOISY"];
        (int code, string stdout, string stderr) = CrbnProcess.Run([
            "pon", "--normals", .. normals.Select(n => Path.Combine(hybrid, n + ".bam")), "--reference", Reference,
            "--targets", Path.Combine(RepoPaths.TestData, "reference", "cn_hybrid_targets.bed"), "--out", pon, "--device", "cpu"]);
        Assert.True(code == 0, stderr);
        Assert.Contains("4 normals", stdout, StringComparison.Ordinal);
        Assert.Contains("left out as outliers: CNH_N5_NOISY", stdout, StringComparison.Ordinal);

        foreach ((string sample, string state, double purity, string[] extra) in new[]
        {
            ("CNH_DEL3P_P40", "hemizygous_loss", 0.4, Array.Empty<string>()),
            ("CNH_DEL3P_P30", "hemizygous_loss", 0.3, Array.Empty<string>()),
            ("CNH_DEL3P_P30", "hemizygous_loss", 0.3, new[] { "--purity", "0.3" }),
            ("CNH_CNLOH", "copy_neutral_loh", 0.6, Array.Empty<string>()),
        })
        {
            string outDir = Path.Combine(_out, sample + extra.Length);
            (code, _, stderr) = CrbnProcess.Run(["call", "--dna", Path.Combine(hybrid, sample + ".bam"), "--reference", Reference, "--pon", pon, "--out", outDir, "--device", "cpu", .. extra]);
            Assert.True(code == 0, stderr);
            using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, sample + ".report.json")));
            JsonElement cn = report.RootElement.GetProperty("copy_number");
            JsonElement crbn = cn.GetProperty("crbn");
            Assert.Equal(state, crbn.GetProperty("call").GetString());
            // The contract's state names the copy number alone: copy-neutral LOH keeps two copies.
            Assert.Equal(state == "copy_neutral_loh" ? "neutral" : state, crbn.GetProperty("state").GetString());
            if (state == "copy_neutral_loh")
            {
                Assert.True(crbn.GetProperty("baf").GetProperty("loh").GetBoolean());
            }
            JsonElement segment = crbn.GetProperty("segment");
            Assert.True(segment.GetProperty("end").GetInt32() - segment.GetProperty("start").GetInt32() > 1_000_000, segment.ToString());
            Assert.True(crbn.GetProperty("baf").GetProperty("het_snps").GetInt32() >= 5);
            JsonElement p = crbn.GetProperty("purity");
            Assert.Equal(extra.Length > 0 ? "given" : "estimated", p.GetProperty("source").GetString());
            Assert.InRange(p.GetProperty("value").GetDouble(), purity - 0.1, purity + 0.1);
            Assert.Equal(state == "copy_neutral_loh" ? 2 : 1, p.GetProperty("copies").GetInt32());
            Assert.Contains("CNH_N5_NOISY", cn.GetProperty("outlier_normals")[0].GetString(), StringComparison.Ordinal);
            Assert.True(cn.GetProperty("plot").GetProperty("bin_log2").GetArrayLength() > 50);
        }

        // One copy of exons 10-11 lost, the rest of the gene intact: partial_loss in the contract's state, those exons lost.
        string partialOut = Path.Combine(_out, "partial");
        (code, _, stderr) = CrbnProcess.Run(["call", "--dna", Path.Combine(hybrid, "CNH_PARTIAL_E10_11.bam"), "--reference", Reference, "--pon", pon, "--out", partialOut, "--device", "cpu"]);
        Assert.True(code == 0, stderr);
        using JsonDocument partial = JsonDocument.Parse(File.ReadAllText(Path.Combine(partialOut, "CNH_PARTIAL_E10_11.report.json")));
        JsonElement partialCrbn = partial.RootElement.GetProperty("copy_number").GetProperty("crbn");
        Assert.Equal("partial_loss", partialCrbn.GetProperty("state").GetString());
        Assert.Equal([10, 11], partialCrbn.GetProperty("exons_affected").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(
            Enumerable.Range(1, 11).Select(e => e >= 10 ? "lost" : "present"),
            partialCrbn.GetProperty("exons").EnumerateArray().Select(e => e.GetProperty("state").GetString()));
    }

    /// <summary>
    /// Issue #12's case: a panel from the copy_number normals without a BED (whole-genome bins) does not fit the
    /// 2000x deep-capture DEEP_TUMOR; the call says not_assessable with the reason instead of a false gain.
    /// </summary>
    [Fact]
    public void PanelOfAnotherAssayGivesNotAssessableWithTheReason()
    {
        string pon = Path.Combine(_out, "wgs.tsv");
        (int code, _, string stderr) = CrbnProcess.Run(["pon", "--normals", .. new[] { "PON_N1", "PON_N2", "PON_N3", "PON_N4" }.Select(Bam), "--reference", Reference, "--out", pon, "--device", "cpu"]);
        Assert.True(code == 0, stderr);
        string outDir = Path.Combine(_out, "deep");
        (code, _, stderr) = CrbnProcess.Run("call", "--dna", Path.Combine(RepoPaths.TestData, "dna", "deep_panel", "DEEP_TUMOR.bam"), "--reference", Reference, "--pon", pon, "--out", outDir, "--device", "cpu");
        Assert.True(code == 0, stderr);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "DEEP_TUMOR.report.json")));
        JsonElement crbn = report.RootElement.GetProperty("copy_number").GetProperty("crbn");
        Assert.Equal("not_assessable", crbn.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, crbn.GetProperty("log2_ratio").ValueKind);
        Assert.Contains("does not fit the panel of normals", crbn.GetProperty("reasoning").GetString(), StringComparison.Ordinal);
        Assert.Contains(
            report.RootElement.GetProperty("not_assessable").EnumerateArray(),
            item => item.ToString().Contains("does not fit the panel", StringComparison.Ordinal));

        // The same through crbn batch --pon, as the issue tried it.
        string sheet = Path.Combine(_out, "samples.csv");
        File.WriteAllText(sheet, $"sample,dna,normal,rna\nDEEP,{Path.Combine(RepoPaths.TestData, "dna", "deep_panel", "DEEP_TUMOR.bam")},,\n");
        string batchDir = Path.Combine(_out, "batch");
        (code, _, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--pon", pon, "--out", batchDir, "--device", "cpu");
        Assert.True(code == 0, stderr);
        using JsonDocument batched = JsonDocument.Parse(File.ReadAllText(Path.Combine(batchDir, "DEEP.report.json")));
        JsonElement batchedCrbn = batched.RootElement.GetProperty("copy_number").GetProperty("crbn");
        Assert.Equal("not_assessable", batchedCrbn.GetProperty("state").GetString());
        Assert.Contains("does not fit the panel of normals", batchedCrbn.GetProperty("reasoning").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PurityOutsideZeroToOneIsExitTwo()
    {
        (int code, _, string stderr) = CrbnProcess.Run("call", "--dna", Bam("CN_NEUTRAL"), "--reference", Reference, "--purity", "1.5", "--out", Path.Combine(_out, "q"));

        Assert.Equal(2, code);
        Assert.Contains("--purity", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void OneNormalIsExitTwo()
    {
        (int code, _, string stderr) = CrbnProcess.Run("pon", "--normals", Bam("PON_N1"), "--reference", Reference, "--out", Path.Combine(_out, "p.tsv"));

        Assert.Equal(2, code);
        Assert.Contains("at least 2", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out, "p.tsv")));
    }

    private static string Bam(string sample) => Path.Combine(Dir, sample + ".bam");
}
