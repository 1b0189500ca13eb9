using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Host;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;
using CrbnVariantCaller.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CrbnVariantCaller.Pipeline.Tests;

/// <summary>
/// Streaming in bounded chunks must not change one count: every read once, overlapping mates and fragment mates in one
/// chunk, and pileups, coverage, junctions and feature counts summed over small chunks equal to one run over the whole
/// region, on real bytes (the 2000x deep panel, a spliced RNA sample, and a real paired RNA-seq corpus file).
/// </summary>
public sealed class ReadChunksTests
{
    public static TheoryData<string, string, int> Files => new()
    {
        { "testdata/dna/deep_panel/DEEP_TUMOR.bam", "chr3:3140000-3190000", 7_000 },
        { "testdata/rna/exon10_psi/RNA_PSI020.bam", "chr3:3140000-3190000", 300 },
        { "testdata/dna/tumor_normal_60x/TN60_TUMOR.bam", "chr3:3100000-3250000", 1_000 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Chunks_hold_every_read_once_and_keep_mates_together(string file, string region, int chunkReads)
    {
        using var bam = new BamReader(Path.Combine(RepoPaths.Root, file));
        ReadBatch whole = BamBatchLoader.LoadRegion(bam, RegionSpec.Parse(region));
        List<ReadBatch> chunks = [.. new ReadChunks(bam, [RegionSpec.Parse(region)], chunkReads)];

        Assert.True(chunks.Count > 3, $"{file}: {chunks.Count} chunks of {chunkReads}; the test needs several");
        Assert.Equal(whole.Count, chunks.Sum(c => c.Count));
        Assert.Equal(Keys(whole).Order(), chunks.SelectMany(Keys).Order());
        Assert.All(chunks, c => Assert.True(c.Count <= chunkReads * 2, $"a chunk of {c.Count} reads for a bound of {chunkReads}"));

        // Coordinate order within every chunk, but for reads set aside for a distant mate: those join just before the mate.
        foreach (ReadBatch c in chunks)
        {
            for (int r = 1; r < c.Count; r++)
            {
                Assert.True(
                    c.StartsZeroBased[r] >= c.StartsZeroBased[r - 1] || (r + 1 < c.Count && c.NameIds[r + 1] == c.NameIds[r]),
                    $"{file}: read {r} of a chunk starts before the read before it and is not followed by its mate");
            }
        }

        // Every overlapping-mate pair and every fragment of the whole is found inside one chunk.
        int refId = bam.Header.GetReferenceId("chr3");
        var filter = ReadFilter.Default with { SkipAnomalousPairs = true };
        Assert.Equal(OverlapPairs.Find(whole, refId, filter).Count, chunks.Sum(c => OverlapPairs.Find(c, refId, filter).Count));
        Assert.Equal(FragmentMates.Find(whole).Count(m => m >= 0), chunks.Sum(c => FragmentMates.Find(c).Count(m => m >= 0)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Counts_summed_over_chunks_equal_one_run_over_the_whole(string file, string region, int chunkReads)
    {
        using var bam = new BamReader(Path.Combine(RepoPaths.Root, file));
        RegionSpec spec = RegionSpec.Parse(region);
        ReadBatch whole = BamBatchLoader.LoadRegion(bam, spec);
        var chunks = new ReadChunks(bam, [spec], chunkReads);
        using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.Cpu });
        int refId = bam.Header.GetReferenceId("chr3");
        var window = new ReferenceWindow(refId, spec.Start, spec.End!.Value);

        PileupRequest[] pileups =
        [
            new PileupRequest { Window = window },
            new PileupRequest { Window = window, MinBaseQuality = 30, Filter = ReadFilter.Default with { SkipAnomalousPairs = true } },
        ];
        IReadOnlyList<PileupCounts> summed = engine.Pileups(chunks, pileups);
        for (int i = 0; i < pileups.Length; i++)
        {
            Assert.Equal(engine.Pileup(whole, pileups[i]).Value.Raw, summed[i].Raw);
        }

        var coverage = new CoverageRequest { Window = window, BinSize = 997, IncludeDeletions = true };
        CoverageResult c = engine.Coverages(chunks, [coverage])[0];
        Assert.Equal(engine.Coverage(whole, coverage).Value.Depth, c.Depth);
        Assert.Equal(engine.Coverage(whole, coverage).Value.BinSums, c.BinSums);

        var junctions = new JunctionRequest { MinAnchor = 1 };
        Assert.Equal(
            engine.Junctions(whole, junctions).Value,
            ChunkedCounting.Junctions(chunks.Select(chunk => engine.Junctions(chunk, junctions).Value)));

        var features = new FeatureIndex(
            Enumerable.Range(0, 40).Select(g => new FeatureInterval(refId, new Position(spec.Start.Value + (g * 1_250)), new Position(spec.Start.Value + (g * 1_250) + 1_400), g % 3 == 0 ? Strand.Minus : Strand.Plus, g / 2)),
            20);
        foreach (FeatureCountRequest request in new[] { new FeatureCountRequest { CountFragments = true }, new FeatureCountRequest { Strandedness = Strandedness.ReverselyStranded } })
        {
            FeatureCountResult expected = engine.FeatureCounts(whole, features, request).Value;
            FeatureCountResult actual = engine.FeatureCounts(chunks, features, [request])[0];
            Assert.Equal(expected.GeneCounts, actual.GeneCounts);
            Assert.Equal(expected.Summary.OrderBy(kv => kv.Key), actual.Summary.OrderBy(kv => kv.Key));
        }
    }

    [Fact]
    public void A_region_that_fits_in_one_chunk_is_read_once_and_handed_out_again()
    {
        using var bam = new BamReader(Path.Combine(RepoPaths.TestData, "rna/exon10_psi/RNA_PSI020.bam"));
        var chunks = new ReadChunks(bam, [RegionSpec.Parse("chr3:3140000-3190000")]);
        ReadBatch first = Assert.Single(chunks);
        Assert.Same(first, Assert.Single(chunks));
    }

    [Fact]
    public void Site_positions_become_merged_one_based_regions()
    {
        RegionSpec[] regions = [.. SiteReads.Merged("chr3", [99, 100, 101, 200, 202])];
        Assert.Equal(["chr3:100-102", "chr3:201-201", "chr3:203-203"], regions.Select(r => $"{r.Contig}:{r.Start.Value}-{r.End!.Value.Value}"));
        Assert.Empty(SiteReads.Merged("chr3", []));
    }

    private static IEnumerable<(int, int, ushort, int, int)> Keys(ReadBatch b) =>
        Enumerable.Range(0, b.Count).Select(r => (b.ReferenceIds[r], b.StartsZeroBased[r], b.Flags[r], b.EndsZeroBasedExclusive[r], b.MateStartsZeroBased[r]));
}
