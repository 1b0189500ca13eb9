using System.Net;
using System.Text;
using CrbnVariantCaller.Formats.Bgzf;
using CrbnVariantCaller.Reliability.Tests.Faults;
using CrbnVariantCaller.Reliability.Tests.Runs;
using CrbnVariantCaller.Reporting.Output;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Reliability.Tests.Names;

/// <summary>
/// Hostile sample IDs through <c>--sample</c>, a sample sheet and a BAM's <c>@RG SM</c>: the refused ones are exit 2 in
/// one line before anything is written; the kept ones reach every output only escaped (HTML), verbatim where the format
/// allows (JSON, the VCF sample column, summary.tsv, MultiQC JSON), and the file system only as a safe name inside --out.
/// </summary>
public sealed class HostileNameCliTests : IDisposable
{
    private static readonly string Bam = Path.Combine(RepoPaths.TestData, "dna", "wgs_negative", "WGS_NEG.bam");
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-names-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The refused names; a command-line argument cannot hold NUL, so that one goes only through the sheet.</summary>
    public static TheoryData<string, string> Refused() => RefusedWhere(n => !n.Contains('\0', StringComparison.Ordinal));

    public static TheoryData<string, string> RefusedInSheet() => RefusedWhere(_ => true);

    private static TheoryData<string, string> RefusedWhere(Func<string, bool> keep)
    {
        var data = new TheoryData<string, string>();
        foreach ((string name, string kind, string? refusal) in HostileNames.All.Where(n => n.Refusal is not null && n.Name.Length > 0 && keep(n.Name)))
        {
            // The sheet reader refuses a NUL anywhere in the file before it reads any row.
            data.Add(name, name.Contains('\0', StringComparison.Ordinal) ? "is a binary file" : refusal!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusedThroughSampleOptionIsExit2BeforeAnythingIsWritten(string name, string refusal)
    {
        string outDir = Path.Combine(_dir, "out");
        var (code, _, stderr) = CrbnChild.Run("call", "--dna", Bam, "--reference", BatchFixture.Reference, "--out", outDir, $"--sample={name}");

        Assert.True(code == 2, $"exit {code}\n{stderr}");
        string line = Assert.Single(FaultTests.ErrorLines(stderr));
        Assert.StartsWith("crbn call: --sample '", line, StringComparison.Ordinal);
        Assert.Contains(refusal, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [MemberData(nameof(RefusedInSheet))]
    public void RefusedThroughSampleSheetIsExit2NamingTheLine(string name, string refusal)
    {
        string sheet = Path.Combine(_dir, "sheet.csv");
        string quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        File.WriteAllText(sheet, $"sample,dna\nOK1,{Bam}\n{quoted},{Bam}\n");
        string outDir = Path.Combine(_dir, "batch");
        var (code, _, stderr) = CrbnChild.Run("batch", "--samples", sheet, "--reference", BatchFixture.Reference, "--out", outDir);

        if (name.Trim() != name)
        {
            // The sheet trims its cells, so " lead" arrives as "lead" and is fine.
            Assert.Equal(0, code);
            return;
        }

        Assert.True(code == 2, $"exit {code}\n{stderr}");
        string line = Assert.Single(FaultTests.ErrorLines(stderr));
        Assert.StartsWith($"crbn batch: {sheet}: ", line, StringComparison.Ordinal);
        Assert.Contains(refusal, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void KeptNamesAreEscapedInEveryOutputAndStayInsideOut()
    {
        string[] kept = HostileNames.All.Where(n => n.Refusal is null).Select(n => n.Name).ToArray();
        string sheet = Path.Combine(_dir, "kept.csv");
        var sb = new StringBuilder("sample,dna\n");
        foreach (string name in kept)
        {
            sb.Append('"').Append(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",").Append(Bam).Append('\n');
        }

        File.WriteAllText(sheet, sb.ToString());
        string outDir = Path.Combine(_dir, "kept-out");
        var (code, _, stderr) = CrbnChild.Run("batch", "--samples", sheet, "--reference", BatchFixture.Reference, "--out", outDir);
        Assert.True(code == 0, $"exit {code}\n{stderr}");

        // Nothing outside --out: the temp root holds only the sheet and the output folder.
        Assert.Equal(new[] { "kept-out", "kept.csv" }, Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(outDir), f => Assert.Matches(@"^[A-Za-z0-9._-]+$", Path.GetFileName(f)));

        string summaryHtml = File.ReadAllText(Path.Combine(outDir, "summary.html"));
        string[] tsv = File.ReadAllLines(Path.Combine(outDir, "summary.tsv"));
        string mqc = File.ReadAllText(Path.Combine(outDir, "crbn_mqc.json"));
        using var mqcDoc = System.Text.Json.JsonDocument.Parse(mqc);
        Assert.Equal(kept.Length + 1, tsv.Length);
        Assert.DoesNotContain("<script>alert(1)", summaryHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", mqc, StringComparison.Ordinal);
        foreach (string name in kept)
        {
            OutputNames files = OutputNames.ForSample(name);
            Assert.Contains(tsv.Skip(1), row => row.Split('\t')[0] == name);
            // The page lets a name wrap after its underscores (<wbr>, which adds no character to what is shown or copied).
            Assert.Contains(name, WebUtility.HtmlDecode(summaryHtml.Replace("<wbr>", string.Empty, StringComparison.Ordinal)), StringComparison.Ordinal);
            if (name.Contains('<', StringComparison.Ordinal))
            {
                Assert.DoesNotContain(name, summaryHtml, StringComparison.Ordinal);
            }

            Assert.Contains(mqcDoc.RootElement.GetProperty("data").EnumerateObject(), p => p.Name == name);

            string html = File.ReadAllText(Path.Combine(outDir, files.Html));
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
            Assert.Contains(name, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, files.Json)));
            Assert.Equal(name, report.RootElement.GetProperty("sample").GetString());
            Assert.Equal(name, VcfSampleColumn(Path.Combine(outDir, files.VcfGz)));
        }
    }

    [ToolFact("samtools")]
    public void AHostileReadGroupSampleIsExit2NamingTheBamUnlessSampleIsGiven()
    {
        string header = ExternalTool.Run("samtools", "view", "-H", Bam);
        string hostile = string.Join('\n', header.Split('\n').Select(l => l.StartsWith("@RG\t", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(l, @"\tSM:[^\t]*", "\tSM:../../../tmp/owned")
            : l));
        string headerFile = Path.Combine(_dir, "header.sam");
        File.WriteAllText(headerFile, hostile);
        string bam = Path.Combine(_dir, "hostile_sm.bam");
        File.WriteAllBytes(bam, ExternalToolBytes("samtools", "reheader", headerFile, Bam));
        ExternalTool.Run("samtools", "index", bam);

        var refused = CrbnChild.Run("call", "--dna", bam, "--reference", BatchFixture.Reference, "--out", Path.Combine(_dir, "o1"));
        Assert.True(refused.ExitCode == 2, refused.Stderr);
        Assert.Equal(
            $"crbn call: {bam}: the sample ID taken from its @RG SM (or file name), '../../../tmp/owned', is a relative path with '.' or '..' (path traversal); name the sample with --sample",
            Assert.Single(FaultTests.ErrorLines(refused.Stderr)));

        var named = CrbnChild.Run("call", "--dna", bam, "--reference", BatchFixture.Reference, "--out", Path.Combine(_dir, "o2"), "--sample", "SAFE");
        Assert.True(named.ExitCode == 0, named.Stderr);
        Assert.True(File.Exists(Path.Combine(_dir, "o2", "SAFE.report.json")));
    }

    private static string VcfSampleColumn(string vcfGz)
    {
        using var reader = new BgzfReader(vcfGz);
        using var text = new StreamReader(new BgzfTextStream(reader), Encoding.UTF8);
        while (text.ReadLine() is { } line)
        {
            if (line.StartsWith("#CHROM", StringComparison.Ordinal))
            {
                return line.Split('\t')[9];
            }
        }

        throw new InvalidDataException($"{vcfGz} has no #CHROM line");
    }

    private static byte[] ExternalToolBytes(string tool, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        return ms.ToArray();
    }

    /// <summary>A read-only stream over a BGZF reader's decompressed bytes.</summary>
    private sealed class BgzfTextStream(BgzfReader reader) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => reader.Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
