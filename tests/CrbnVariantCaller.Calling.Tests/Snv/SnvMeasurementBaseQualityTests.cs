using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Compare;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Reporting.Compare;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.Snv;

/// <summary>
/// A re-measured SNV count (<c>crbn compare</c>) means what the caller's AD and DP mean: base quality ≥ 20, mapping
/// quality ≥ 20, overlapping mates once. The fixture is SAM text written here: reads on the CRBN reference around C391R
/// (chr3:3151023 A&gt;G) whose site base has quality 15 or 19 (alt and ref), 20 or 30 (alt), 30 (ref), alt reads of
/// mapping quality 15, and one overlapping pair carrying the alt in both mates. Counted as the caller counts, the alt is
/// 7 reads of 47; with the germline typer's old base quality ≥ 13 it would be 17 of 62.
/// </summary>
public sealed class SnvMeasurementBaseQualityTests(ITestOutputHelper output)
{
    private const int Site = 3151023;
    private const int ReadLength = 50;
    private const int Chr3 = 1; // index of chr3 among the reference's contigs, as in the header below
    private static readonly SnvAllele C391R = new(new Position(Site), 'G');
    private static readonly VariantKey C391RKey = new("chr3", Site, "A", "G");

    /// <summary>What the caller's filters leave: 2 alt at quality 20, 4 at 30 and 1 overlapping pair; 40 ref at 30.</summary>
    private const int ExpectedAlt = 7;
    private const int ExpectedDepth = 47;

    private static string ReferencePath => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    [Fact]
    public void MeasureSnvs_counts_only_bases_of_quality_20_and_equals_the_callers_AD_and_DP()
    {
        ReadBatch reads = Batch(SamRecords());
        var caller = new SnvCaller(new SnvCallerOptions());
        SnvCallInput input = Input(reads);
        using ComputeEngine engine = CpuCompute.Engine();
        var pileups = new SnvPileups(engine.Pileups([reads], caller.PileupRequests(input).Tumor), null);

        AlleleMeasurement measured = Assert.Single(caller.MeasureSnvs(input, pileups, [C391R]))!.Value;
        SnvVariant called = Assert.Single(engine.CallSnvs(caller, input).Variants, v => v.Position.Value == Site && v.Alt == "G");
        output.WriteLine($"C391R: measured {measured.AltReads}/{measured.Depth}, called {called.AltCounts.Total}/{called.Depth} ({called.FilterText})");

        Assert.Equal(ExpectedAlt, measured.AltReads);
        Assert.Equal(ExpectedDepth, measured.Depth);
        Assert.Equal(called.AltCounts.Total, measured.AltReads);
        Assert.Equal(called.Depth, measured.Depth);
    }

    [ToolFact("samtools")]
    public void The_compare_remeasurement_of_the_same_bytes_agrees_with_samtools_mpileup_Q20_q20()
    {
        string dir = Directory.CreateTempSubdirectory("crbn-snv-bq-").FullName;
        try
        {
            string sam = Path.Combine(dir, "bq.sam"), bam = Path.Combine(dir, "bq.bam");
            File.WriteAllText(sam, Header() + string.Concat(SamRecords().Select(r => r + "\n")));
            ExternalTool.Run("samtools", "sort", "-o", bam, sam);
            ExternalTool.Run("samtools", "index", bam);

            using IndexedFastaReader reference = IndexedFastaReader.Open(ReferencePath);
            using ComputeEngine engine = CpuCompute.Engine();
            AlleleCount remeasured = Assert.Contains(C391RKey, AlleleRemeasurement.Count(bam, reference, [C391RKey], engine, threads: 1));
            (int depth, int alt) = Mpileup(bam, "20", "20");
            (int depth13, int alt13) = Mpileup(bam, "13", "20");
            output.WriteLine($"C391R: re-measured {remeasured.AltReads}/{remeasured.Depth}; samtools mpileup -A -B -Q20 -q20 {alt}/{depth}; -Q13 {alt13}/{depth13}");

            Assert.Equal((ExpectedAlt, ExpectedDepth), (alt, depth));
            Assert.Equal((17, 62), (alt13, depth13)); // the fixture does tell the two definitions apart
            Assert.Equal(alt, remeasured.AltReads);
            Assert.Equal(depth, remeasured.Depth);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The fixture's reads (coordinate-sorted SAM lines, without header): reference sequence with quality 40 except the
    /// site base, on both strands, the site at varying read offsets.
    /// </summary>
    private static List<string> SamRecords()
    {
        var reads = new List<(int Start, string Line)>();
        int n = 0;
        void Single(int count, char siteBase, int siteQuality, int mappingQuality = 60)
        {
            for (int i = 0; i < count; i++, n++)
            {
                int start = Site - 5 - ((n * 7) % 40);
                reads.Add((start, Line($"r{n}", (n % 2) * 16, start, mappingQuality, "*", 0, 0, siteBase, siteQuality)));
            }
        }

        Single(40, 'A', 30);
        Single(5, 'A', 15);
        Single(8, 'G', 15);
        Single(2, 'G', 19);
        Single(2, 'G', 20);
        Single(4, 'G', 30);
        Single(2, 'G', 30, mappingQuality: 15);
        int first = Site - 30, second = Site - 10, tlen = second + ReadLength - first;
        reads.Add((first, Line("pair", 99, first, 60, "=", second, tlen, 'G', 30)));
        reads.Add((second, Line("pair", 147, second, 60, "=", first, -tlen, 'G', 30)));
        return [.. reads.OrderBy(r => r.Start).Select(r => r.Line)];
    }

    private static string Line(string name, int flag, int start, int mappingQuality, string mateContig, int mateStart, int tlen, char siteBase, int siteQuality)
    {
        var seq = new StringBuilder(ReadLength);
        var qual = new StringBuilder(ReadLength);
        for (int p = start; p < start + ReadLength; p++)
        {
            seq.Append(p == Site ? siteBase : (char)SnvWorld.Reference.BaseAt(new Position(p)));
            qual.Append((char)(33 + (p == Site ? siteQuality : 40)));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{name}\t{flag}\tchr3\t{start}\t{mappingQuality}\t{ReadLength}M\t{mateContig}\t{mateStart}\t{tlen}\t{seq}\t{qual}");
    }

    /// <summary>The reference's contigs (the .fai), as a SAM header.</summary>
    private static string Header() =>
        "@HD\tVN:1.6\tSO:unsorted\n" + string.Concat(File.ReadLines(ReferencePath + ".fai")
            .Select(l => l.Split('\t')).Select(f => $"@SQ\tSN:{f[0]}\tLN:{f[1]}\n"));

    /// <summary>The SAM lines as the reads the BAM reader would load: <c>nM</c> CIGARs, chr3 only.</summary>
    private static ReadBatch Batch(IEnumerable<string> lines)
    {
        var builder = new ReadBatchBuilder();
        foreach (string line in lines)
        {
            string[] f = line.Split('\t');
            string seq = f[9];
            byte[] packed = new byte[(seq.Length + 1) / 2];
            for (int i = 0; i < seq.Length; i++)
            {
                int code = "=ACMGRSVTWYHKDBN".IndexOf(seq[i], StringComparison.Ordinal);
                packed[i >> 1] |= (byte)((i & 1) == 0 ? code << 4 : code);
            }

            var fields = new ReadFields
            {
                ReferenceId = Chr3,
                PositionZeroBased = int.Parse(f[3], CultureInfo.InvariantCulture) - 1,
                Flag = ushort.Parse(f[1], CultureInfo.InvariantCulture),
                MappingQuality = byte.Parse(f[4], CultureInfo.InvariantCulture),
                MateReferenceId = f[6] == "=" ? Chr3 : -1,
                MatePositionZeroBased = int.Parse(f[7], CultureInfo.InvariantCulture) - 1,
                TemplateLength = int.Parse(f[8], CultureInfo.InvariantCulture),
            };
            builder.Add(fields, Encoding.ASCII.GetBytes(f[0]), [CigarOp.Pack(seq.Length, 0)], packed, seq.Length,
                [.. f[10].Select(c => (byte)(c - 33))]);
        }

        return builder.Build();
    }

    private static SnvCallInput Input(ReadBatch reads) => new()
    {
        Tumor = reads,
        Reference = SnvWorld.Reference,
        ReferenceId = Chr3,
        Transcript = CrbnTranscript.For(GenomeBuild.GRCh38),
        IsRna = false,
    };

    /// <summary>samtools' depth at the site and its count of the alt base, both strands (the fixture has no indels).</summary>
    private static (int Depth, int Alt) Mpileup(string bam, string minBaseQuality, string minMappingQuality)
    {
        string[] f = ExternalTool.Run("samtools", "mpileup", "-A", "-B", "-Q", minBaseQuality, "-q", minMappingQuality, "-d", "100000000",
            "-r", $"chr3:{Site}-{Site}", "-f", ReferencePath, bam).Trim().Split('\t');
        string bases = Regex.Replace(f[4], @"\^.", ""); // a read start is followed by its mapping quality
        return (int.Parse(f[3], CultureInfo.InvariantCulture), bases.Count(c => char.ToUpperInvariant(c) == 'G'));
    }
}
