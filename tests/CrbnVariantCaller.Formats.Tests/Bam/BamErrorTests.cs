using System.Buffers.Binary;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>Malformed or inconsistent input gives a typed <see cref="InvalidInputFileException"/> that names the file.</summary>
public sealed class BamErrorTests : IDisposable
{
    private const string Sorted = """
        @HD	VN:1.6	SO:coordinate
        @SQ	SN:chr1	LN:10000
        @SQ	SN:chr2	LN:10000
        r001	0	chr1	100	60	10M	*	0	0	ACGTACGTAC	IIIIIIIIII
        r002	0	chr1	200	60	10M	*	0	0	ACGTACGTAC	IIIIIIIIII
        r003	0	chr1	300	60	10M	*	0	0	ACGTACGTAC	IIIIIIIIII
        r004	0	chr2	50	60	10M	*	0	0	ACGTACGTAC	IIIIIIIIII

        """;

    private readonly TinyBam _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [ToolFact("samtools", "bgzip")]
    public void Wrong_magic_is_reported_with_the_bytes_found()
    {
        byte[] raw = TinyBam.Decompress(_tmp.FromSam("ok.bam", Sorted));
        raw[3] = 2;
        string bad = _tmp.Bgzip(raw, "bad.bam");

        var ex = Assert.Throws<BamMagicException>(() => new BamReader(bad));
        Assert.Equal(bad, ex.FilePath);
        Assert.Contains("BAM\\x02", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(bad + ": not a BAM file", ex.ToUserMessage(), StringComparison.Ordinal);
        Assert.NotEqual(0, ExternalTool.TryRun("samtools", "view", bad).ExitCode);
    }

    [ToolFact("samtools", "bgzip")]
    public void Record_cut_short_inside_intact_bgzf_is_a_truncation_error()
    {
        byte[] raw = TinyBam.Decompress(_tmp.FromSam("ok.bam", Sorted));
        string cut = _tmp.Bgzip(raw[..^7], "cut.bam");

        using var reader = new BamReader(cut);
        var record = new BamRecord();
        Assert.True(reader.ReadRecord(record));
        Assert.True(reader.ReadRecord(record));
        Assert.True(reader.ReadRecord(record));
        var ex = Assert.Throws<BamTruncatedException>(() => reader.ReadRecord(record));
        Assert.Equal(cut, ex.FilePath);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);

        using var counter = new BamReader(cut);
        Assert.Throws<BamTruncatedException>(() => counter.CountRecords());
        Assert.NotEqual(0, ExternalTool.TryRun("samtools", "view", cut).ExitCode);
    }

    [ToolFact("samtools", "bgzip")]
    public void Record_length_cut_inside_its_four_byte_size_is_a_truncation_error()
    {
        byte[] raw = TinyBam.Decompress(_tmp.FromSam("ok.bam", Sorted));
        int lastSize = LastRecordSize(raw);
        string cut = _tmp.Bgzip(raw[..^(lastSize - 2)], "cut4.bam");

        using var reader = new BamReader(cut);
        Assert.Equal(3, reader.Records().Take(3).Count());
        Assert.Throws<BamTruncatedException>(() => reader.ReadRecord(new BamRecord()));
    }

    [ToolFact("samtools")]
    public void Compressed_file_cut_short_is_rejected_at_open()
    {
        string ok = _tmp.FromSam("ok.bam", Sorted);
        byte[] bytes = File.ReadAllBytes(ok);
        string cut = _tmp.PathOf("cut.bam");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var ex = Assert.ThrowsAny<InvalidInputFileException>(() => new BamReader(cut));
        Assert.Equal(cut, ex.FilePath);
    }

    [ToolFact("samtools", "bgzip")]
    public void Record_whose_lengths_overrun_it_is_a_format_error()
    {
        byte[] raw = TinyBam.Decompress(_tmp.FromSam("ok.bam", Sorted));
        int first = FirstRecordOffset(raw);
        BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(first + 4 + 16), 5000); // l_seq far beyond the record
        string bad = _tmp.Bgzip(raw, "overrun.bam");

        using var reader = new BamReader(bad);
        var ex = Assert.Throws<BamFormatException>(() => reader.ReadRecord(new BamRecord()));
        Assert.Contains("r001", ex.Message, StringComparison.Ordinal);
    }

    [ToolFact("samtools")]
    public void Region_query_without_index_names_the_paths_tried()
    {
        string bam = _tmp.FromSam("noidx.bam", Sorted);
        using var reader = new BamReader(bam);
        var ex = Assert.Throws<BamIndexMissingException>(() => reader.Query("chr1:1-500"));
        Assert.Equal(bam, ex.FilePath);
        Assert.Contains(bam + ".bai", ex.TriedPaths);
        Assert.Throws<BamIndexMissingException>(() => reader.LoadIndex(_tmp.PathOf("elsewhere.bai")));
    }

    [ToolFact("samtools")]
    public void Index_older_than_the_bam_is_stale()
    {
        string bam = _tmp.FromSam("stale.bam", Sorted);
        ExternalTool.Run("samtools", "index", bam);
        File.SetLastWriteTimeUtc(bam + ".bai", DateTime.UtcNow.AddHours(-1));
        File.SetLastWriteTimeUtc(bam, DateTime.UtcNow);

        using var reader = new BamReader(bam);
        var ex = Assert.Throws<BamIndexStaleException>(() => reader.Query("chr1"));
        Assert.Equal(bam + ".bai", ex.FilePath);
        Assert.Contains("older", ex.Message, StringComparison.Ordinal);
    }

    [ToolFact("samtools")]
    public void Index_of_another_bam_with_other_references_is_stale()
    {
        string bam = _tmp.FromSam("two.bam", Sorted);
        string other = _tmp.FromSam("one.bam", "@SQ\tSN:chr1\tLN:10000\nr1\t0\tchr1\t5\t60\t4M\t*\t0\t0\tACGT\tIIII\n");
        ExternalTool.Run("samtools", "index", other);
        File.Copy(other + ".bai", bam + ".bai");

        using var reader = new BamReader(bam);
        var ex = Assert.Throws<BamIndexStaleException>(() => reader.Query("chr1"));
        Assert.Contains("2", ex.Message, StringComparison.Ordinal);
    }

    [ToolFact("samtools")]
    public void Malformed_index_is_a_typed_error()
    {
        string bam = _tmp.FromSam("idx.bam", Sorted);
        ExternalTool.Run("samtools", "index", bam);
        byte[] bai = File.ReadAllBytes(bam + ".bai");
        File.WriteAllBytes(bam + ".bai", bai[..(bai.Length / 2)]);

        using var reader = new BamReader(bam);
        var ex = Assert.Throws<BamIndexFormatException>(() => reader.Query("chr1"));
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [ToolFact("samtools")]
    public void Header_declaring_queryname_order_refuses_region_queries()
    {
        string bam = _tmp.FromSam("qn.bam", Sorted.Replace("SO:coordinate", "SO:queryname", StringComparison.Ordinal));
        ExternalTool.Run("samtools", "index", bam);
        using var reader = new BamReader(bam);
        var ex = Assert.Throws<BamUnsortedException>(() => reader.Query("chr1:1-1000"));
        Assert.Contains("SO:queryname", ex.Message, StringComparison.Ordinal);
    }

    [ToolFact("samtools", "bgzip")]
    public void Records_out_of_coordinate_order_are_detected_while_iterating()
    {
        // Both files are one BGZF block, so the index built for the sorted one addresses the same record offsets in the other.
        byte[] raw = TinyBam.Decompress(_tmp.FromSam("src.bam", Sorted));
        string sorted = _tmp.Bgzip(raw, "sorted.bam");
        ExternalTool.Run("samtools", "index", sorted);

        int first = FirstRecordOffset(raw);
        int size = BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(first)) + 4;
        byte[] swapped = (byte[])raw.Clone();
        raw.AsSpan(first, size).CopyTo(swapped.AsSpan(first + size));
        raw.AsSpan(first + size, size).CopyTo(swapped.AsSpan(first));
        string unsorted = _tmp.Bgzip(swapped, "unsorted.bam");
        File.Copy(sorted + ".bai", unsorted + ".bai");
        File.SetLastWriteTimeUtc(unsorted, DateTime.UtcNow.AddHours(-1));

        using var reader = new BamReader(unsorted);
        var ex = Assert.Throws<BamUnsortedException>(() => reader.Query("chr1:1-1000").Count());
        Assert.Contains("r001", ex.Message, StringComparison.Ordinal);
    }

    [ToolFact("samtools")]
    public void Unknown_contig_in_a_region_is_named()
    {
        string bam = _tmp.FromSam("uc.bam", Sorted);
        ExternalTool.Run("samtools", "index", bam);
        using var reader = new BamReader(bam);
        var ex = Assert.Throws<UnknownContigException>(() => reader.Query("chrZ:1-10"));
        Assert.Equal("chrZ", ex.Contig);
        Assert.Contains("chrZ", ex.ToUserMessage(), StringComparison.Ordinal);
    }

    private static int FirstRecordOffset(byte[] raw)
    {
        int lText = BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(4));
        int p = 8 + lText;
        int nRef = BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(p));
        p += 4;
        for (int i = 0; i < nRef; i++)
        {
            p += 4 + BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(p)) + 4;
        }

        return p;
    }

    private static int LastRecordSize(byte[] raw)
    {
        int p = FirstRecordOffset(raw);
        int size = 0;
        while (p < raw.Length)
        {
            size = BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(p)) + 4;
            p += size;
        }

        return size;
    }
}
