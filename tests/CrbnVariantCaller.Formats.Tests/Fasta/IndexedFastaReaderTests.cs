using System.IO.Compression;
using System.Globalization;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Fasta;

public sealed class IndexedFastaReaderTests
{
    public static TheoryData<string> CorpusFastas => FastaIndexTests.CorpusFastas;

    [CorpusTheory("samtools", "bgzip")]
    [MemberData(nameof(CorpusFastas))]
    public void Random_fetches_equal_samtools_on_plain_and_bgzipped_corpus_files(string relative)
    {
        using TempFolder temp = new();
        string plain = temp.CopyIn(Path.Combine(RepoPaths.Corpus, relative));
        ExternalTool.Run("samtools", "faidx", plain);
        string gz = Path.Combine(temp.PathName, "bgz", Path.GetFileName(plain));
        Directory.CreateDirectory(Path.GetDirectoryName(gz)!);
        File.Copy(plain, gz);
        gz = Oracle.Bgzip(gz);
        ExternalTool.Run("samtools", "faidx", gz);

        AssertFetchesMatch(plain, temp, seed: relative.Length);
        AssertFetchesMatch(gz, temp, seed: relative.Length);
    }

    [ToolFact("samtools", "bgzip")]
    public void Random_fetches_equal_samtools_on_a_multi_block_synthetic_genome()
    {
        using TempFolder temp = new();
        string plain = temp.File("synthetic.fa");
        SyntheticFasta.Write(plain, seed: 20240601,
        [
            new("chr1", 1_200_000, 60),
            new("chr2", 700_001, 80),
            new("chrM", 16_569, 70),
            new("tiny", 1, 60),
            new("one_per_line", 2_000, 1),
            new("chr3_crlf", 300_007, 61, CrLf: true),
        ]);
        ExternalTool.Run("samtools", "faidx", plain);
        string gzDir = Path.Combine(temp.PathName, "gz");
        Directory.CreateDirectory(gzDir);
        string gz = Path.Combine(gzDir, "synthetic.fa");
        File.Copy(plain, gz);
        gz = Oracle.Bgzip(gz);
        ExternalTool.Run("samtools", "faidx", gz);

        Assert.True(GziIndex.Read(gz + ".gzi").BlockCount > 30);
        Assert.Equal(File.ReadAllText(plain + ".fai"), File.ReadAllText(gz + ".fai"));
        AssertFetchesMatch(plain, temp, seed: 1, perContig: 60);
        AssertFetchesMatch(gz, temp, seed: 2, perContig: 60);
    }

    [ToolFact("samtools", "bgzip")]
    public void Upper_casing_and_whole_contigs()
    {
        using TempFolder temp = new();
        string plain = temp.File("mask.fa");
        SyntheticFasta.Write(plain, seed: 7, [new("chrA", 150_000, 60), new("chrB", 333, 50)]);
        ExternalTool.Run("samtools", "faidx", plain);

        using IndexedFastaReader upper = IndexedFastaReader.Open(plain, new FastaReaderOptions { UpperCase = true });
        using IndexedFastaReader asIs = IndexedFastaReader.Open(plain);
        foreach (string contig in new[] { "chrA", "chrB" })
        {
            string expected = Oracle.Faidx(plain, [contig], temp.PathName).Single();
            Assert.Equal(expected, asIs.FetchString(contig));
            Assert.Equal(expected.ToUpperInvariant(), upper.FetchString(contig));
            Assert.Contains(expected, c => char.IsLower(c));
        }
    }

    [ToolFact("samtools")]
    public void Index_built_in_memory_when_asked()
    {
        using TempFolder temp = new();
        string plain = temp.File("noindex.fa");
        SyntheticFasta.Write(plain, seed: 3, [new("chr1", 5_000, 60)]);

        var missing = Assert.Throws<FastaIndexMissingException>(() => IndexedFastaReader.Open(plain));
        Assert.Equal($"{plain}: FASTA index noindex.fa.fai not found; create it with: samtools faidx {plain}", missing.ToUserMessage());

        using IndexedFastaReader reader = IndexedFastaReader.Open(plain, new FastaReaderOptions { BuildMissingIndex = true });
        ExternalTool.Run("samtools", "faidx", plain);
        Assert.Equal(Oracle.Faidx(plain, ["chr1:100-4,000"], temp.PathName).Single(), reader.FetchString("chr1:100-4,000"));
    }

    [ToolFact("samtools", "bgzip")]
    public void Typed_errors()
    {
        using TempFolder temp = new();
        string plain = temp.File("ref.fa");
        SyntheticFasta.Write(plain, seed: 5, [new("3", 10_000, 60)]);
        ExternalTool.Run("samtools", "faidx", plain);

        using (IndexedFastaReader reader = IndexedFastaReader.Open(plain))
        {
            var unknown = Assert.Throws<FastaContigNotFoundException>(() => reader.FetchString(new GenomicInterval("chr3", new Position(1), new Position(10))));
            Assert.Equal("contig chr3 is not in ref.fa (1 contigs); it has 3: the BAM and the reference name chromosomes differently", unknown.Message);
            Assert.True(reader.TryResolveContig("chr3", out string? name));
            Assert.Equal("3", name);

            var beyond = Assert.Throws<FastaRegionOutOfRangeException>(() => reader.FetchString(new GenomicInterval("3", new Position(9_990), new Position(10_001))));
            Assert.Equal("region 3:9,990-10,001 extends past the end of 3 (10,000 bp) in ref.fa", beyond.Message);
            Assert.Throws<FastaRegionOutOfRangeException>(() => reader.FetchString("3:10,001-10,002"));
            Assert.Equal(10, reader.FetchString("3:9,991-10,000").Length);
            Assert.Equal(10_000, reader.FetchString("3").Length);
        }

        // A .fai from a longer file: caught when opening.
        File.WriteAllText(plain + ".fai", "3\t20000\t30\t60\t61\n");
        var stale = Assert.Throws<FastaIndexFormatException>(() => IndexedFastaReader.Open(plain));
        Assert.Equal(plain + ".fai", stale.FilePath);
        Assert.Contains("stale", stale.Message, StringComparison.Ordinal);

        // bgzip without .gzi.
        string gz = Oracle.Bgzip(plain);
        ExternalTool.Run("samtools", "faidx", gz);
        File.Delete(gz + ".gzi");
        var noGzi = Assert.Throws<GziIndexMissingException>(() => IndexedFastaReader.Open(gz));
        Assert.IsAssignableFrom<InvalidInputFileException>(noGzi);
        Assert.Contains("samtools faidx", noGzi.Message, StringComparison.Ordinal);

        // Plain gzip cannot be read at random.
        string gzip = temp.File("plain.fa.gz");
        SyntheticFasta.Write(temp.File("plain.fa"), seed: 6, [new("chr1", 1_000, 60)]);
        using (FileStream output = File.Create(gzip))
        using (GZipStream zip = new(output, CompressionLevel.Fastest))
        using (FileStream input = File.OpenRead(temp.File("plain.fa")))
        {
            input.CopyTo(zip);
        }

        var notBgzf = Assert.Throws<FastaFormatException>(() => IndexedFastaReader.Open(gzip));
        Assert.Contains("not with bgzip", notBgzf.Message, StringComparison.Ordinal);
    }

    private static void AssertFetchesMatch(string fasta, TempFolder temp, int seed, int perContig = 25)
    {
        Random random = new(seed);
        using IndexedFastaReader reader = IndexedFastaReader.Open(fasta);
        List<GenomicInterval> intervals = [];
        foreach (var entry in reader.Index.Entries.Where(e => e.Name.Length > 0))
        {
            int length = (int)entry.Length;
            intervals.Add(new GenomicInterval(entry.Name, new Position(1), new Position(length)));
            intervals.Add(new GenomicInterval(entry.Name, new Position(length), new Position(length)));
            intervals.Add(new GenomicInterval(entry.Name, new Position(1), new Position(1)));
            for (int i = 0; i < perContig; i++)
            {
                int start = random.Next(1, length + 1);
                int span = random.Next(3) == 0 ? random.Next(1, 70_000) : random.Next(1, 500);
                int end = Math.Min(length, start + span - 1);
                intervals.Add(new GenomicInterval(entry.Name, new Position(start), new Position(end)));
            }
        }

        List<string> expected = Oracle.Faidx(
            fasta,
            intervals.Select(Region).ToList(),
            temp.PathName);
        Assert.Equal(intervals.Count, expected.Count);

        // Fetch in shuffled order so that the bgzip reader seeks backwards as well as forwards.
        foreach (int i in Enumerable.Range(0, intervals.Count).OrderBy(_ => random.Next()))
        {
            Assert.True(expected[i] == reader.FetchString(intervals[i]), $"{fasta} {intervals[i]}");
        }

        // The same through region strings, as a user writes them (braces around names that contain ':').
        for (int i = 0; i < intervals.Count; i += 7)
        {
            Assert.Equal(expected[i], reader.FetchString(Region(intervals[i])));
        }
    }

    private static string Region(GenomicInterval iv)
    {
        string contig = iv.Contig.Contains(':') ? "{" + iv.Contig + "}" : iv.Contig;
        return string.Create(CultureInfo.InvariantCulture, $"{contig}:{iv.Start.Value}-{iv.End.Value}");
    }
}
