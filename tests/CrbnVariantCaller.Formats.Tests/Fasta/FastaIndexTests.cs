using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Fasta;

public sealed class FastaIndexTests
{
    public static TheoryData<string> CorpusFastas => new()
    {
        "parser_edge_cases/htslib-test-1.16/ce.fa",
        "parser_edge_cases/htslib-test-1.16/faidx.fa",
        "parser_edge_cases/htslib-test-1.16/xx.fa",
        "parser_edge_cases/htslib-test-1.16/md.fa",
        "parser_edge_cases/htslib-test-1.16/auxf.fa",
        "parser_edge_cases/htslib-test-1.16/realn02.fa",
        "parser_edge_cases/igvjs_sam_spec_ref.fasta",
        "real_dna/cnvkit_chrM-Y-trunc.hg19.fa",
        "real_dna/igvjs_hg19_test.fasta",
        "real_dna/igvjs_hg38_test.fasta",
    };

    [CorpusTheory("samtools")]
    [MemberData(nameof(CorpusFastas))]
    public void Built_index_equals_samtools_faidx(string relative)
    {
        using TempFolder temp = new();
        string fasta = temp.CopyIn(Path.Combine(RepoPaths.Corpus, relative));
        ExternalTool.Run("samtools", "faidx", fasta);

        Assert.Equal(File.ReadAllText(fasta + ".fai"), Render(FastaIndex.Build(fasta)));
        Assert.Equal(File.ReadAllText(fasta + ".fai"), Render(FastaIndex.Read(fasta + ".fai")));
    }

    [ToolFact("samtools")]
    public void Layout_edge_cases_equal_samtools_faidx()
    {
        using TempFolder temp = new();
        Dictionary<string, string> cases = new()
        {
            ["no_final_newline.fa"] = ">a desc\nACGT\nAC",
            ["single_unterminated_line.fa"] = ">b\nACGTACGT",
            ["empty_sequence.fa"] = ">e\n>f\nAC\n",
            ["crlf.fa"] = ">g\r\nACGT\r\nAC\r\n",
            ["blank_line_before_header.fa"] = ">h\nACGT\n\n>i\nAA\n",
            ["leading_blanks_in_name.fa"] = ">  j k\nAC\n",
        };
        foreach ((string name, string text) in cases)
        {
            string path = temp.File(name);
            File.WriteAllText(path, text);
            ExternalTool.Run("samtools", "faidx", path);
            Assert.Equal(File.ReadAllText(path + ".fai"), Render(FastaIndex.Build(path)));
        }
    }

    [ToolFact("samtools")]
    public void Ragged_lines_are_rejected_like_samtools()
    {
        using TempFolder temp = new();
        foreach (string text in new[] { ">j\nACGT\nAC\nACGT\n", ">k\nACGT\n\nAC\n", ">l\nACGT\nACGTA\n" })
        {
            string path = temp.File("bad.fa");
            File.WriteAllText(path, text);
            Assert.NotEqual(0, ExternalTool.TryRun("samtools", "faidx", path).ExitCode);
            var ex = Assert.Throws<FastaFormatException>(() => FastaIndex.Build(path));
            Assert.Equal(path, ex.FilePath);
            Assert.Contains("lines of different lengths", ex.Message, StringComparison.Ordinal);
            File.Delete(path);
        }
    }

    [Fact]
    public void Malformed_fai_lines_name_the_line()
    {
        var ex = Assert.Throws<FastaIndexFormatException>(() => FastaIndex.Parse(new StringReader("chr1\t10\t6\t60\t61\nchr2\t10\tx\t60\t61\n"), "ref.fa.fai"));
        Assert.Equal("ref.fa.fai: line 2: offset 'x' is not a non-negative integer", ex.ToUserMessage());
        Assert.Throws<FastaIndexFormatException>(() => FastaIndex.Parse(new StringReader("chr1\t10\t6\n"), "ref.fa.fai"));
        Assert.Throws<FastaIndexFormatException>(() => FastaIndex.Parse(new StringReader("chr1\t10\t6\t60\t59\n"), "ref.fa.fai"));
        Assert.Throws<FastaIndexFormatException>(() => FastaIndex.Parse(new StringReader("chr1\t10\t6\t60\t61\nchr1\t10\t6\t60\t61\n"), "ref.fa.fai"));
    }

    private static string Render(FastaIndex index)
    {
        StringWriter w = new();
        index.Write(w);
        return w.ToString();
    }
}
