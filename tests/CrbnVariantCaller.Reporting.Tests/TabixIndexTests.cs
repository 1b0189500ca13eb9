using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Vcf;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

/// <summary>Our .tbi against the file itself and against <c>tabix -p vcf</c> run on the same bytes.</summary>
public sealed class TabixIndexTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-tbi-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Thousands of records over several contigs (several BGZF blocks), with indels up to 30 kb so that records span
    /// 16 kb windows and sit in every level of bins. REF bases are not the reference: tabix does not look at them.
    /// </summary>
    private static SampleReport ManyRecords()
    {
        Random random = new(20240611);
        List<VariantReport> variants = [];
        foreach ((string chrom, int count, int span) in new[] { ("chr3", 4000, 198_000_000), ("chr7", 1500, 4_000_000), ("chr19", 300, 200_000) })
        {
            for (int i = 0; i < count; i++)
            {
                int refLength = random.Next(100) switch
                {
                    < 80 => 1,
                    < 97 => random.Next(2, 40),
                    _ => random.Next(1000, 30_000),
                };
                variants.Add(new VariantReport
                {
                    Chrom = chrom, Pos = new Position(random.Next(1, span)), Ref = new string('A', refLength), Alt = "C",
                    Consequence = "intergenic_variant", Depth = 100, AltReads = 5, RefReads = 95, Vaf = 0.05, HgvsC = "c.1A>C",
                });
            }
        }

        return new SampleReport
        {
            Sample = "MANY", GenomeBuild = Core.Genome.GenomeBuild.GRCh38,
            Tool = new ToolInfo { Version = "t", Backend = "cpu", Device = "cpu" }, Variants = variants,
        };
    }

    private static List<string> Regions(SampleReport report)
    {
        Random random = new(7);
        List<string> regions = ["chr1", "chr3", "chr7:1-1", "chr19", "chr8:1-100000000"];
        string[] chroms = ["chr3", "chr7", "chr19"];
        int[] spans = [198_000_000, 4_000_000, 200_000];
        for (int i = 0; i < 400; i++)
        {
            int c = random.Next(chroms.Length);
            int start = random.Next(1, spans[c]);
            int length = random.Next(4) switch { 0 => 1, 1 => random.Next(1, 20_000), 2 => random.Next(1, 200_000), _ => random.Next(1, 5_000_000) };
            regions.Add($"{chroms[c]}:{start}-{start + length}");
        }

        // Exactly at, just before and just after records (including the last base of long deletions).
        foreach (VariantReport v in report.Variants.Where((_, i) => i % 97 == 0))
        {
            int end = v.Pos.Value + v.Ref.Length - 1;
            regions.Add($"{v.Chrom}:{v.Pos}-{v.Pos}");
            regions.Add($"{v.Chrom}:{end}-{end + 3}");
            regions.Add($"{v.Chrom}:{Math.Max(1, v.Pos.Value - 5)}-{v.Pos.Value - 1}");
        }

        return regions;
    }

    /// <summary>What a tabix query must return: every data line overlapping the region, in file order.</summary>
    private static IEnumerable<string> Expected(string[] records, string region)
    {
        string[] parts = region.Split(':');
        long beg = 1, end = long.MaxValue;
        if (parts.Length == 2)
        {
            string[] range = parts[1].Split('-');
            beg = long.Parse(range[0], CultureInfo.InvariantCulture);
            end = long.Parse(range[1], CultureInfo.InvariantCulture);
        }

        foreach (string line in records)
        {
            string[] f = line.Split('\t', 5);
            long pos = long.Parse(f[1], CultureInfo.InvariantCulture);
            if (f[0] == parts[0] && pos <= end && pos + f[3].Length - 1 >= beg)
            {
                yield return line;
            }
        }
    }

    private string Write(SampleReport report, string folder)
    {
        Directory.CreateDirectory(Path.Combine(_dir, folder));
        string vcf = Path.Combine(_dir, folder, "x.vcf.gz");
        using FileStream v = File.Create(vcf);
        using FileStream t = File.Create(vcf + ".tbi");
        VcfWriter.WriteBgzf(report, ReportFixtures.Context(), v, t);
        return vcf;
    }

    [ToolFact("tabix")]
    public void RegionQueriesReturnExactlyTheOverlappingRecordsAndMatchTabixOwnIndex()
    {
        SampleReport report = ManyRecords();
        string ours = Write(report, "ours");
        string theirs = Path.Combine(_dir, "theirs.vcf.gz");
        File.Copy(ours, theirs);
        ExternalTool.Run("tabix", "-p", "vcf", theirs);

        string[] records = Decompress(ours).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(report.Variants.Count, records.Length);
        Assert.True(records.Sum(r => r.Length + 1) > 3 * 65536, "the test needs several BGZF blocks");

        List<string> regions = Regions(report);
        int nonEmpty = 0;
        foreach (string[] batch in regions.Chunk(60))
        {
            string expected = string.Concat(batch.SelectMany(r => Expected(records, r)).Select(l => l + "\n"));
            nonEmpty += expected.Length > 0 ? 1 : 0;
            Assert.Equal(expected, ExternalTool.Run("tabix", [ours, .. batch]));
            Assert.Equal(expected, ExternalTool.Run("tabix", [theirs, .. batch]));
        }

        Assert.True(nonEmpty > 5);
    }

    [ToolFact("tabix")]
    public void HeaderNamesLinearIndexAndRecordCountsEqualTabixOutput()
    {
        string ours = Write(ManyRecords(), "ours");
        string theirs = Path.Combine(_dir, "theirs.vcf.gz");
        File.Copy(ours, theirs);
        ExternalTool.Run("tabix", "-p", "vcf", theirs);

        TbiSummary a = TbiSummary.Read(ours + ".tbi");
        TbiSummary b = TbiSummary.Read(theirs + ".tbi");
        Assert.Equal(b.Header, a.Header);
        Assert.Equal(b.Names, a.Names);
        Assert.Equal(b.Linear.Count, a.Linear.Count);
        for (int i = 0; i < a.Linear.Count; i++)
        {
            Assert.Equal(b.Linear[i], a.Linear[i]);
            Assert.Equal(b.Meta[i], a.Meta[i]);
        }

        Assert.Equal(b.NoCoordinate, a.NoCoordinate);
    }

    [Fact]
    public void RegionToBinFollowsTheSamSpecification()
    {
        Assert.Equal(4681u, TabixIndexBuilder.RegionToBin(0, 1));
        Assert.Equal(4681u + 1, TabixIndexBuilder.RegionToBin(16384, 16385));
        Assert.Equal(585u, TabixIndexBuilder.RegionToBin(16383, 16385));
        Assert.Equal(0u, TabixIndexBuilder.RegionToBin(0, 1 << 29));
    }

    [Fact]
    public void UnsortedRecordsAreRejected()
    {
        TabixIndexBuilder b = new();
        b.Add("chr3", 100, 101, new Formats.Bgzf.VirtualOffset(0, 0), new Formats.Bgzf.VirtualOffset(0, 10));
        b.Add("chr7", 100, 101, new Formats.Bgzf.VirtualOffset(0, 10), new Formats.Bgzf.VirtualOffset(0, 20));
        Assert.Throws<InvalidOperationException>(() => b.Add("chr3", 200, 201, new Formats.Bgzf.VirtualOffset(0, 20), new Formats.Bgzf.VirtualOffset(0, 30)));
        Assert.Throws<InvalidOperationException>(() => b.Add("chr7", 50, 51, new Formats.Bgzf.VirtualOffset(0, 20), new Formats.Bgzf.VirtualOffset(0, 30)));
    }

    private static string Decompress(string path)
    {
        using FileStream file = File.OpenRead(path);
        using GZipStream gz = new(file, CompressionMode.Decompress);
        using StreamReader reader = new(gz);
        return reader.ReadToEnd();
    }

    /// <summary>The parts of a .tbi that do not depend on htslib's optional bin compaction.</summary>
    private sealed record TbiSummary(int[] Header, string[] Names, List<ulong[]> Linear, List<ulong[]> Meta, ulong NoCoordinate)
    {
        public static TbiSummary Read(string path)
        {
            byte[] bytes;
            using (FileStream file = File.OpenRead(path))
            using (GZipStream gz = new(file, CompressionMode.Decompress))
            using (MemoryStream ms = new())
            {
                gz.CopyTo(ms);
                bytes = ms.ToArray();
            }

            ReadOnlySpan<byte> s = bytes;
            Assert.True(s[..4].SequenceEqual("TBI\u0001"u8));
            int at = 4;
            int I32(ReadOnlySpan<byte> b) { int v = BinaryPrimitives.ReadInt32LittleEndian(b[at..]); at += 4; return v; }
            ulong U64(ReadOnlySpan<byte> b) { ulong v = BinaryPrimitives.ReadUInt64LittleEndian(b[at..]); at += 8; return v; }
            int[] header = Enumerable.Range(0, 7).Select(_ => I32(bytes)).ToArray();
            int lnm = I32(bytes);
            string[] names = Encoding.ASCII.GetString(bytes, at, lnm).TrimEnd('\0').Split('\0');
            at += lnm;
            List<ulong[]> linear = [];
            List<ulong[]> meta = [];
            for (int r = 0; r < header[0]; r++)
            {
                int nBin = I32(bytes);
                ulong[] metaChunks = [];
                for (int i = 0; i < nBin; i++)
                {
                    uint bin = (uint)I32(bytes);
                    int nChunk = I32(bytes);
                    ulong[] chunks = Enumerable.Range(0, 2 * nChunk).Select(_ => U64(bytes)).ToArray();
                    if (bin == 37450)
                    {
                        metaChunks = chunks;
                    }
                }

                int nIntv = I32(bytes);
                linear.Add(Enumerable.Range(0, nIntv).Select(_ => U64(bytes)).ToArray());
                meta.Add(metaChunks);
            }

            ulong noCoordinate = at < bytes.Length ? U64(bytes) : 0;
            return new TbiSummary(header, names, linear, meta, noCoordinate);
        }
    }
}
