using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Compute.Tests.Parity;

/// <summary>
/// Every kernel's parity check against the managed CPU reference: integer outputs must be identical.
/// Each backend has a subclass that runs these checks; random inputs use a fresh seed per run, printed on failure
/// (replay with CRBN_PARITY_SEED=&lt;seed&gt;).
/// </summary>
[Trait("Category", "Parity")]
public abstract class KernelParityChecks : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly CpuBackend _reference = new();
    private IComputeBackend? _backend;

    protected KernelParityChecks(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Creates the backend under test.</summary>
    protected abstract IComputeBackend CreateBackend();

    protected IComputeBackend Backend => _backend ??= CreateBackend();

    public void Dispose()
    {
        _backend?.Dispose();
        _reference.Dispose();
        GC.SuppressFinalize(this);
    }

    protected void CheckPileupOnRandomReads()
    {
        foreach (int seed in Seeds())
        {
            ReadBatch batch = RandomReads.Generate(seed, 600);
            foreach (PileupRequest request in PileupRequests())
            {
                AssertSame(_reference.Pileup(batch, request).Raw, Backend.Pileup(batch, request).Raw, seed, $"pileup {request}");
            }
        }
    }

    protected void CheckCoverageOnRandomReads()
    {
        foreach (int seed in Seeds())
        {
            ReadBatch batch = RandomReads.Generate(seed, 600);
            foreach (CoverageRequest request in CoverageRequests())
            {
                CoverageResult expected = _reference.Coverage(batch, request);
                CoverageResult actual = Backend.Coverage(batch, request);
                AssertSame(expected.Depth, actual.Depth, seed, $"depth {request}");
                AssertSame(expected.BinSums, actual.BinSums, seed, $"bins {request}");
            }
        }
    }

    protected void CheckJunctionsOnRandomReads()
    {
        foreach (int seed in Seeds())
        {
            ReadBatch batch = RandomReads.Generate(seed, 600);
            foreach (JunctionRequest request in new[]
                     {
                         new JunctionRequest(),
                         new JunctionRequest { MinAnchor = 0, Filter = new ReadFilter { ExcludeFlags = SamFlags.None } },
                         new JunctionRequest { MinAnchor = 20, Filter = new ReadFilter { MinMappingQuality = 30 } },
                     })
            {
                IReadOnlyList<JunctionCount> expected = _reference.Junctions(batch, request);
                IReadOnlyList<JunctionCount> actual = Backend.Junctions(batch, request);
                Assert.True(expected.Count > 0 || request.MinAnchor > 0, $"seed {seed}: the random batch should contain junctions");
                Assert.True(expected.SequenceEqual(actual), $"seed {seed}: junctions differ for {request}: expected {expected.Count} entries, got {actual.Count}");
            }
        }
    }

    /// <summary>The raw per-N records of the emit kernel (slots, strands, anchor flags), not only their reduction.</summary>
    protected void CheckJunctionRecordsOnRandomReads()
    {
        foreach (int seed in Seeds())
        {
            ReadBatch batch = RandomReads.Generate(seed, 600);
            var request = new JunctionRequest { MinAnchor = 12 };
            JunctionRecords expected = _reference.JunctionRecords(batch, request);
            JunctionRecords actual = Backend switch
            {
                Ilgpu.IlgpuBackend device => device.JunctionRecords(batch, request),
                CpuBackend cpu => cpu.JunctionRecords(batch, request),
                _ => throw new InvalidOperationException("no raw junction records on " + Backend.DeviceName),
            };
            Assert.True(expected.Starts.Length > 0, $"seed {seed}: the random batch should contain junctions");
            AssertSame(expected.ReferenceIds, actual.ReferenceIds, seed, "junction record refIDs");
            AssertSame(expected.Starts, actual.Starts, seed, "junction record starts");
            AssertSame(expected.Ends, actual.Ends, seed, "junction record ends");
            AssertSame(expected.Info, actual.Info, seed, "junction record strand/anchor");
        }
    }

    protected void CheckFeatureCountsOnRandomReads()
    {
        foreach (int seed in Seeds())
        {
            ReadBatch batch = RandomReads.Generate(seed, 600);
            FeatureIndex features = RandomReads.Features(seed, out _);
            foreach (FeatureCountRequest request in new[]
                     {
                         new FeatureCountRequest(),
                         new FeatureCountRequest { CountFragments = true, Strandedness = Strandedness.Stranded },
                         new FeatureCountRequest { Strandedness = Strandedness.ReverselyStranded, MinMappingQuality = 20, IgnoreDuplicates = true },
                         new FeatureCountRequest { CountFragments = true, CountMultiMapping = true, Strandedness = Strandedness.ReverselyStranded },
                     })
            {
                FeatureCountResult expected = _reference.FeatureCounts(batch, features, request);
                FeatureCountResult actual = Backend.FeatureCounts(batch, features, request);
                Assert.True(expected.Assigned > 0, $"seed {seed}: the random batch should assign some reads");
                AssertSame(expected.Assignments, actual.Assignments, seed, $"feature assignments {request}");
                AssertSame(expected.GeneCounts, actual.GeneCounts, seed, $"gene counts {request}");
            }
        }
    }

    protected void CheckEmptyBatch()
    {
        ReadBatch empty = new ReadBatchBuilder().Build();
        var window = new ReferenceWindow(0, new Position(1), new Position(50));
        AssertSame(_reference.Pileup(empty, new PileupRequest { Window = window }).Raw, Backend.Pileup(empty, new PileupRequest { Window = window }).Raw, 0, "empty pileup");
        AssertSame(new int[50], Backend.Coverage(empty, new CoverageRequest { Window = window, BinSize = 7 }).Depth, 0, "empty coverage");
        Assert.Empty(Backend.Junctions(empty, new JunctionRequest()));
        Assert.Empty(Backend.FeatureCounts(empty, RandomReads.Features(1, out _), new FeatureCountRequest()).Assignments);
    }

    /// <summary>Same kernels on a real corpus file, read through samtools view (see <see cref="Oracle.SamText"/>).</summary>
    protected void CheckRealFile(string relativePath, string region)
    {
        Oracle.SamText.Loaded loaded = Oracle.SamText.Load(relativePath, region);
        ReadBatch batch = loaded.Batch;
        (int refId, int start, int end) = loaded.Resolve(region);
        var window = new ReferenceWindow(refId, new Position(start), new Position(end));
        foreach (PileupRequest request in new[]
                 {
                     new PileupRequest { Window = window },
                     new PileupRequest { Window = window, MinBaseQuality = 0, Filter = new ReadFilter { SkipAnomalousPairs = true } },
                 })
        {
            AssertSame(_reference.Pileup(batch, request).Raw, Backend.Pileup(batch, request).Raw, 0, $"{relativePath} pileup");
        }

        var cov = new CoverageRequest { Window = window, BinSize = 100 };
        AssertSame(_reference.Coverage(batch, cov).Depth, Backend.Coverage(batch, cov).Depth, 0, $"{relativePath} coverage");
        var junctions = new JunctionRequest { MinAnchor = 1 };
        Assert.Equal(_reference.Junctions(batch, junctions), Backend.Junctions(batch, junctions));
        FeatureIndex features = TiledFeatures(refId, start, end);
        {
            foreach (FeatureCountRequest request in new[] { new FeatureCountRequest(), new FeatureCountRequest { CountFragments = true, Strandedness = Strandedness.ReverselyStranded } })
            {
                AssertSame(_reference.FeatureCounts(batch, features, request).Assignments, Backend.FeatureCounts(batch, features, request).Assignments, 0, $"{relativePath} feature assignments");
            }
        }

        _output.WriteLine($"{relativePath} {region}: {batch.Count} reads identical on {Backend.DeviceName}");
    }

    /// <summary>
    /// Features tiling a region: 1,600 bp every 1,500 bp (so neighbours overlap and some reads are ambiguous), two per
    /// gene, alternating strands.
    /// </summary>
    private static FeatureIndex TiledFeatures(int refId, int start, int end)
    {
        var features = new List<FeatureInterval>();
        for (int s = start, i = 0; s + 1_600 <= end; s += 1_500, i++)
        {
            features.Add(new FeatureInterval(refId, new Position(s), new Position(s + 1_599), i % 2 == 0 ? Strand.Plus : Strand.Minus, i / 2));
        }

        return new FeatureIndex(features, (features.Count + 1) / 2);
    }

    private IEnumerable<int> Seeds()
    {
        int first = RandomReads.NewSeed();
        for (int i = 0; i < 3; i++)
        {
            int seed = unchecked(first + (i * 7919));
            _output.WriteLine($"random seed {seed} (replay with CRBN_PARITY_SEED={seed})");
            yield return seed;
        }
    }

    private static IEnumerable<PileupRequest> PileupRequests()
    {
        var whole = new ReferenceWindow(0, new Position(1), new Position(RandomReads.ReferenceLength));
        var part = new ReferenceWindow(0, new Position(1_000), new Position(1_400));
        yield return new PileupRequest { Window = whole };
        yield return new PileupRequest { Window = whole, MinBaseQuality = 0 };
        yield return new PileupRequest { Window = part, MinBaseQuality = 20, HandleOverlappingMates = false };
        yield return new PileupRequest
        {
            Window = whole,
            MinBaseQuality = 1,
            Filter = new ReadFilter { MinMappingQuality = 20, SkipAnomalousPairs = true, ExcludeFlags = SamFlags.Unmapped | SamFlags.Secondary },
        };
        yield return new PileupRequest { Window = new ReferenceWindow(1, new Position(1), new Position(RandomReads.ReferenceLength)) };
    }

    private static IEnumerable<CoverageRequest> CoverageRequests()
    {
        var whole = new ReferenceWindow(0, new Position(1), new Position(RandomReads.ReferenceLength));
        yield return new CoverageRequest { Window = whole, BinSize = 1 };
        yield return new CoverageRequest { Window = whole, BinSize = 333, IncludeDeletions = true };
        yield return new CoverageRequest
        {
            Window = new ReferenceWindow(0, new Position(2_345), new Position(2_345 + 2_999)),
            BinSize = 1_000,
            Filter = new ReadFilter { MinMappingQuality = 30, RequireFlags = SamFlags.Paired },
        };
    }

    private static void AssertSame<T>(T[] expected, T[] actual, int seed, string what)
        where T : IEquatable<T>
    {
        Assert.True(expected.Length == actual.Length, $"seed {seed}: {what}: length {actual.Length}, expected {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            if (!expected[i].Equals(actual[i]))
            {
                Assert.Fail($"seed {seed}: {what}: first difference at index {i}: expected {expected[i]}, got {actual[i]}");
            }
        }
    }
}
