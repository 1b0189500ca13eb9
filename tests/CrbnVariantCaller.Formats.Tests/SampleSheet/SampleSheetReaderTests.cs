using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Formats.SampleSheet;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.SampleSheet;

public sealed class SampleSheetReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-sheet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Paths_resolve_against_the_sheet_folder_and_empty_cells_are_absent()
    {
        string sub = Directory.CreateDirectory(Path.Combine(_dir, "sheets")).FullName;
        string path = Write(Path.Combine("sheets", "s.csv"),
            "\uFEFF# lab batch 7\n"
            + "Sample,DNA,normal,rna,cohort\n"
            + "MM001,bams/t.bam,../n.bam,,\n"
            + "\n"
            + ",,,,\n"
            + "MM002,,,/abs/r.bam,cohort.tsv\n");

        var sheet = SampleSheetReader.Read(path);

        Assert.Equal(path, sheet.FilePath);
        Assert.Equal(2, sheet.Entries.Count);
        SampleSheetEntry a = sheet.Entries[0], b = sheet.Entries[1];
        Assert.Equal("MM001", a.Sample);
        Assert.Equal(3, a.LineNumber);
        Assert.Equal(Path.Combine(sub, "bams", "t.bam"), a.Dna);
        Assert.Equal(Path.Combine(_dir, "n.bam"), a.Normal);
        Assert.Null(a.Rna);
        Assert.Null(a.Cohort);
        Assert.Null(a.Expression);
        Assert.Equal("MM002", b.Sample);
        Assert.Equal(6, b.LineNumber);
        Assert.Null(b.Dna);
        Assert.Equal("/abs/r.bam", b.Rna);
        Assert.Equal(Path.Combine(sub, "cohort.tsv"), b.Cohort);
    }

    [Fact]
    public void Quoted_fields_keep_commas_and_quotes_and_cells_are_trimmed()
    {
        string path = Write("q.csv",
            "sample,dna,rna,expression,annotation,signature\n"
            + "\"MM 003\",\"my bams/t,1.bam\", ,\"q\"\"x\"\".sf\",  genes.gtf  ,sig.tsv\n");

        SampleSheetEntry e = Assert.Single(SampleSheetReader.Read(path).Entries);

        Assert.Equal("MM 003", e.Sample);
        Assert.Equal(Path.Combine(_dir, "my bams", "t,1.bam"), e.Dna);
        Assert.Null(e.Rna);
        Assert.Equal(Path.Combine(_dir, "q\"x\".sf"), e.Expression);
        Assert.Equal(Path.Combine(_dir, "genes.gtf"), e.Annotation);
        Assert.Equal(Path.Combine(_dir, "sig.tsv"), e.Signature);
    }

    [Fact]
    public void A_header_with_tabs_and_no_comma_reads_as_tab_separated()
    {
        string path = Write("s.tsv", "sample\trna\nR1\tr1,b.bam\r\nR2\tr2.bam\r\n");

        var entries = SampleSheetReader.Read(path).Entries;

        Assert.Equal(["R1", "R2"], entries.Select(e => e.Sample));
        Assert.Equal(Path.Combine(_dir, "r1,b.bam"), entries[0].Rna);
        Assert.Equal(3, entries[1].LineNumber);
    }

    [Theory]
    [InlineData("", 0, "is empty")]
    [InlineData("# only a comment\n\n", 0, "is empty")]
    [InlineData("sample,dna\n", 0, "no sample rows")]
    [InlineData("dna,rna\nt.bam,\n", 1, "no 'sample' column")]
    [InlineData("MM001,t.bam\nMM002,u.bam\n", 1, "unknown column 'MM001'")]
    [InlineData("sample,tumor\nMM001,t.bam\n", 1, "unknown column 'tumor'")]
    [InlineData("sample,dna,DNA\nMM001,t.bam,u.bam\n", 1, "column 'dna' appears twice")]
    [InlineData("sample,,dna\nMM001,,t.bam\n", 1, "header column 2 has no name")]
    [InlineData("sample,normal\nMM001,n.bam\n", 1, "neither a 'dna' nor an 'rna' column")]
    [InlineData("sample,dna\nMM001,t.bam\nMM002,u.bam,extra\n", 3, "has 3 fields, the header (line 1) has 2")]
    [InlineData("sample,dna,rna\nMM001,t.bam\n", 2, "has 2 fields")]
    [InlineData("sample,dna\n# c\nMM001,t.bam\n\nMM001,u.bam\n", 5, "sample 'MM001' is already on line 3")]
    [InlineData("sample,dna,rna\n,t.bam,\n", 2, "'sample' cell is empty")]
    [InlineData("sample,dna,rna\nMM001,,\n", 2, "neither a dna nor an rna BAM")]
    [InlineData("sample,dna,normal,rna\nMM001,,n.bam,r.bam\n", 2, "has a normal but no dna")]
    [InlineData("sample,dna\nMM001,\"t.bam\nMM002,u.bam\n", 2, "malformed CSV quoting")]
    [InlineData("sample,dna\nMM\u0007,t.bam\n", 2, "control character")]
    public void Malformed_sheets_name_the_file_and_line(string text, long line, string problem)
    {
        string path = Write("bad.csv", text);

        var e = Assert.Throws<SampleSheetFormatException>(() => SampleSheetReader.Read(path));

        Assert.IsAssignableFrom<InvalidInputFileException>(e);
        Assert.Equal(line, e.LineNumber);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}: " + (line > 0 ? $"line {line}: " : string.Empty), e.ToUserMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        string path = Path.Combine(_dir, "sheet.bam");
        File.WriteAllBytes(path, [0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00]);

        var e = Assert.Throws<SampleSheetFormatException>(() => SampleSheetReader.Read(path));

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_sheet_is_file_not_found()
    {
        string path = Path.Combine(_dir, "absent.csv");

        var e = Assert.Throws<FileNotFoundException>(() => SampleSheetReader.Read(path));

        Assert.Equal(path, e.FileName);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
