using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests;

/// <summary>
/// Every kind of bad input the HTS reader recognises reaches the user as exit code 2 and one line on stderr that names
/// the file and the problem, with nothing on stdout. Each case is made from the real bytes of a corpus BAM.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private const string SourceBam = "real_dna/nimhts_HG02002.b37.chr6.bam";
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-badinput-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [CorpusFact]
    public void TruncatedBgzf()
    {
        byte[] bytes = SourceBytes();
        string path = Write("truncated.bam", bytes.AsSpan(0, bytes.Length / 2));
        AssertBadInput(path, "truncated", "view", "-c", path);
    }

    [CorpusFact]
    public void FlippedCrcByte()
    {
        byte[] bytes = SourceBytes();
        // The first block's CRC32 sits 8 bytes before its end; BSIZE (block size - 1) is at offset 16.
        int blockSize = (bytes[16] | (bytes[17] << 8)) + 1;
        bytes[blockSize - 8] ^= 0xFF;
        string path = Write("crc.bam", bytes);
        AssertBadInput(path, "CRC", "view", path);
    }

    [CorpusFact]
    public void WrongMagic()
    {
        byte[] bytes = SourceBytes();
        bytes[0] = (byte)'P';
        string path = Write("magic.bam", bytes);
        AssertBadInput(path, "BGZF", "view", path);
    }

    [ToolFact("bgzip")]
    public void BgzfThatIsNotBam()
    {
        string text = Write("notbam.txt", "@HD\tVN:1.6\n"u8);
        ExternalTool.Run("bgzip", "-f", text);
        string path = text + ".gz";
        AssertBadInput(path, "BAM", "view", path);
    }

    [CorpusFact]
    public void MissingIndex()
    {
        string path = Write("noindex.bam", SourceBytes());
        AssertBadInput(path, "index", "view", path, "6:32,771,000-32,772,000");
    }

    [CorpusFact]
    public void StaleIndex()
    {
        string path = Write("stale.bam", SourceBytes());
        string index = Write("stale.bam.bai", File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, SourceBam + ".bai")));
        File.SetLastWriteTimeUtc(index, File.GetLastWriteTimeUtc(path).AddHours(-1));
        AssertBadInput(index, "older", "view", path, "6:32,771,000-32,772,000");
    }

    [ToolFact("samtools")]
    public void UnsortedBamOnRegionQuery()
    {
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            return;
        }

        string path = Path.Combine(_dir, "byname.bam");
        ExternalTool.Run("samtools", "sort", "-n", "--no-PG", "-o", path, Path.Combine(RepoPaths.Corpus, SourceBam));
        Write("byname.bam.bai", File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, SourceBam + ".bai")));
        AssertBadInput(path, "sort", "view", path, "6:32,771,000-32,772,000");
    }

    [CorpusFact]
    public void ReferenceThatDoesNotMatch()
    {
        string bam = Path.Combine(RepoPaths.Corpus, SourceBam);
        string reference = Path.Combine(RepoPaths.Corpus, "real_dna", "cnvkit_chrM-Y-trunc.hg19.fa");
        AssertBadInput(reference, "does not match", "view", "-c", "-T", reference, bam, "6");
    }

    [Fact]
    public void EmptyFile()
    {
        string path = Write("empty.bam", ReadOnlySpan<byte>.Empty);
        AssertBadInput(path, "empty", "view", path);
    }

    [Fact]
    public void MissingFile()
    {
        string path = Path.Combine(_dir, "does-not-exist.bam");
        AssertBadInput(path, "not found", "view", path);
    }

    [Fact]
    public void UnknownOptionIsBadUsage()
    {
        (int code, _, string stderr) = CrbnProcess.Run("view", "--no-such-option", "x.bam");
        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);
    }

    private byte[] SourceBytes() => File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, SourceBam));

    private string Write(string name, ReadOnlySpan<byte> bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    private static void AssertBadInput(string namedFile, string problem, params string[] args)
    {
        (int code, string stdout, string stderr) = CrbnProcess.Run(args);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(code == 2, $"expected exit 2, got {code}; stderr: {stderr}");
        Assert.Single(lines);
        Assert.Contains(namedFile, lines[0], StringComparison.Ordinal);
        Assert.Contains(problem, lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, stdout);
    }
}
