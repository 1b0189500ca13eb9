using System.Buffers.Binary;
using System.Text;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>
/// Header text edge cases built as raw BAM bytes: the printed header must equal <c>samtools view -H --no-PG</c>
/// (missing final newline, NUL padding, no <c>@SQ</c> lines, partial <c>@SQ</c> lines, empty text).
/// </summary>
public sealed class HeaderTextConformanceTests : IDisposable
{
    private readonly TinyBam _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [ToolTheory("samtools", "bgzip")]
    [InlineData("@HD\tVN:1.6\n@CO\tno final newline", 1)]
    [InlineData("@HD\tVN:1.6\n@SQ\tSN:c1\tLN:100\n", 2)]
    [InlineData("@HD\tVN:1.6\n\0\0\0", 1)]
    [InlineData("@HD\tVN:1.6\0\0", 1)]
    [InlineData("", 2)]
    [InlineData("@HD\tVN:1.6\tSO:coordinate\n@CO\twith @SQ\tinside\n", 3)]
    [InlineData("@CO\tr\u00e9sum\u00e9 UTF-8\n", 0)]
    public void Header_prints_like_samtools(string text, int references)
    {
        string bam = _tmp.Bgzip(HeaderOnlyBam(text, references), "h.bam");
        string expected = ExternalTool.Run("samtools", "view", "-H", "--no-PG", bam);
        using var reader = new BamReader(bam);
        Assert.Equal(expected, reader.Header.SamText);
        Assert.Equal(references, reader.Header.References.Count);
    }

    [ToolFact("samtools", "bgzip")]
    public void Header_with_a_blank_line_is_rejected_like_samtools()
    {
        string bam = _tmp.Bgzip(HeaderOnlyBam("@HD\tVN:1.6\n\n@CO\tx\n", 1), "blank.bam");
        Assert.NotEqual(0, ExternalTool.TryRun("samtools", "view", "-H", bam).ExitCode);
        var ex = Assert.Throws<BamFormatException>(() => new BamReader(bam));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] HeaderOnlyBam(string text, int references)
    {
        var ms = new MemoryStream();
        Span<byte> four = stackalloc byte[4];
        ms.Write("BAM\u0001"u8);
        byte[] t = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32LittleEndian(four, t.Length);
        ms.Write(four);
        ms.Write(t);
        BinaryPrimitives.WriteInt32LittleEndian(four, references);
        ms.Write(four);
        for (int i = 0; i < references; i++)
        {
            byte[] name = Encoding.ASCII.GetBytes($"c{i + 1}\0");
            BinaryPrimitives.WriteInt32LittleEndian(four, name.Length);
            ms.Write(four);
            ms.Write(name);
            BinaryPrimitives.WriteInt32LittleEndian(four, 100 * (i + 1));
            ms.Write(four);
        }

        return ms.ToArray();
    }
}
