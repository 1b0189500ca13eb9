using System.Diagnostics;
using System.Globalization;
using System.Text;
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
/// Mates far apart (40 kb inserts, mates on another chromosome, mates outside the streamed regions) on a BAM written by
/// samtools from generated SAM: chunked fragment counts and pileups still equal one run over the whole, and no chunk
/// is handed out empty or swollen by reads waiting for distant mates.
/// </summary>
public sealed class FarMateChunkTests
{
    [ToolFact("samtools")]
    public void Distant_and_cross_chromosome_mates_are_counted_as_one_fragment_whatever_the_chunk_size()
    {
        string dir = Directory.CreateTempSubdirectory("crbn-farmates-").FullName;
        try
        {
            string bam = WriteBam(dir, seed: 20261203);
            using var reader = new BamReader(bam);
            RegionSpec[] regions = [RegionSpec.Parse("chr1:1-70000"), RegionSpec.Parse("chr2:1-100000")];
            ReadBatch whole = BamBatchLoader.LoadRegions(reader, regions);
            using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.Cpu });
            var features = new FeatureIndex(
                Enumerable.Range(0, 2).SelectMany(chr => Enumerable.Range(0, 20).Select(g =>
                    new FeatureInterval(chr, new Position(1 + (g * 5_000)), new Position(4_000 + (g * 5_000)), Strand.Unknown, (chr * 20) + g))),
                40);
            var request = new FeatureCountRequest { CountFragments = true };
            FeatureCountResult expected = engine.FeatureCounts(whole, features, request).Value;
            Assert.True(FragmentMates.Find(whole).Count(m => m >= 0) > 100, "the generated BAM should hold many pairs");

            foreach (int chunkReads in new[] { 7, 40, 333 })
            {
                var chunks = new ReadChunks(reader, regions, chunkReads);
                List<ReadBatch> list = [.. chunks];
                Assert.True(list.Count > 1, $"chunks of {chunkReads}: {list.Count} chunk(s)");
                Assert.Equal(whole.Count, list.Sum(c => c.Count));
                Assert.All(list, c => Assert.InRange(c.Count, 1, (chunkReads * 2) + 2));
                Assert.Equal(FragmentMates.Find(whole).Count(m => m >= 0), list.Sum(c => FragmentMates.Find(c).Count(m => m >= 0)));

                FeatureCountResult actual = engine.FeatureCounts(chunks, features, [request])[0];
                Assert.Equal(expected.GeneCounts, actual.GeneCounts);
                Assert.Equal(expected.Summary.OrderBy(kv => kv.Key), actual.Summary.OrderBy(kv => kv.Key));

                var window = new ReferenceWindow(0, new Position(1), new Position(70_000));
                var pileup = new PileupRequest { Window = window, MinBaseQuality = 0 };
                Assert.Equal(engine.Pileup(whole, pileup).Value.Raw, engine.Pileups(chunks, [pileup])[0].Raw);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Templates of four kinds: overlapping proper pairs (300 bp inserts of 50 bp reads), 40 kb pairs, pairs split between
    /// chr1 and chr2, and single reads; coordinate-sorted and indexed by samtools.
    /// </summary>
    private static string WriteBam(string dir, int seed)
    {
        var rng = new Random(seed);
        string seq = new('A', 50), qual = new('I', 50);
        var sam = new StringBuilder("@HD\tVN:1.6\tSO:unsorted\n@SQ\tSN:chr1\tLN:100000\n@SQ\tSN:chr2\tLN:100000\n");
        void Line(string name, int flag, string chr, int pos, string mateChr, int matePos, int tlen) =>
            sam.Append(CultureInfo.InvariantCulture, $"{name}\t{flag}\t{chr}\t{pos}\t60\t50M\t{mateChr}\t{matePos}\t{tlen}\t{seq}\t{qual}\n");
        for (int i = 0; i < 400; i++)
        {
            int pos = rng.Next(1_000, 60_000);
            string name = $"t{i}";
            switch (i % 4)
            {
                case 0:
                    int mate = pos + rng.Next(0, 250);
                    Line(name, 99, "chr1", pos, "=", mate, mate + 50 - pos);
                    Line(name, 147, "chr1", mate, "=", pos, -(mate + 50 - pos));
                    break;
                case 1:
                    int far = pos + 40_000;
                    Line(name, 97, "chr1", pos, "=", far, far + 50 - pos);
                    Line(name, 145, "chr1", far, "=", pos, -(far + 50 - pos));
                    break;
                case 2:
                    int other = rng.Next(1_000, 90_000);
                    Line(name, 97, "chr1", pos, "chr2", other, 0);
                    Line(name, 145, "chr2", other, "chr1", pos, 0);
                    break;
                default:
                    Line(name, 0, rng.Next(2) == 0 ? "chr1" : "chr2", pos, "*", 0, 0);
                    break;
            }
        }

        string samPath = Path.Combine(dir, "far.sam");
        string bamPath = Path.Combine(dir, "far.bam");
        File.WriteAllText(samPath, sam.ToString());
        Samtools("sort", "-o", bamPath, samPath);
        Samtools("index", bamPath);
        return bamPath;
    }

    private static void Samtools(params string[] args)
    {
        var info = new ProcessStartInfo("samtools") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using Process p = Process.Start(info)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"samtools {string.Join(' ', args)}: {err}");
    }
}
