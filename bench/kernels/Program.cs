// Kernel throughput per backend on synthetic reads (default 1,000,000 templates ≈ 1.67 M reads).
// Usage: dotnet run -c Release --project bench/kernels -- [templates] [cpu,cuda,opencl,ilgpu-cpu]
// Prints, per kernel and backend: end-to-end ms (upload + kernels + download + host steps), kernel-only ms
// for ILGPU accelerators, reads/s, and whether the integers equal the CPU backend's.
using System.Diagnostics;
using System.Globalization;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Compute.Ilgpu;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Compute.Tests.Parity;
using CrbnVariantCaller.Core.Coordinates;
using Microsoft.Extensions.Logging.Abstractions;

int templates = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
string[] wanted = (args.Length > 1 ? args[1] : "cpu,cuda,opencl").Split(',');
var clock = Stopwatch.StartNew();
ReadBatch batch = RandomReadsAtScale.Generate(templates);
Console.WriteLine($"# {batch.Count:N0} reads, {batch.Cigars.Length:N0} CIGAR ops, {batch.Qualities.Length:N0} bases; generated in {clock.ElapsedMilliseconds} ms");
Console.WriteLine($"# {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

int refLength = RandomReadsAtScale.ReferenceLength;
var window = new ReferenceWindow(0, new Position(1), new Position(refLength));
FeatureIndex features = RandomReadsAtScale.Features();
var kernels = new (string Name, Func<IComputeBackend, object> Run, Func<object, object, bool> Same)[]
{
    ("pileup", b => b.Pileup(batch, new PileupRequest { Window = window }), (x, y) => ((PileupCounts)x).Raw.AsSpan().SequenceEqual(((PileupCounts)y).Raw)),
    ("coverage", b => b.Coverage(batch, new CoverageRequest { Window = window, BinSize = 1000 }), (x, y) => ((CoverageResult)x).Depth.AsSpan().SequenceEqual(((CoverageResult)y).Depth)),
    ("junctions", b => b.Junctions(batch, new JunctionRequest()), (x, y) => ((IReadOnlyList<JunctionCount>)x).SequenceEqual((IReadOnlyList<JunctionCount>)y)),
    ("featureCounts", b => b.FeatureCounts(batch, features, new FeatureCountRequest { CountFragments = true }), (x, y) => ((FeatureCountResult)x).Assignments.AsSpan().SequenceEqual(((FeatureCountResult)y).Assignments)),
};

var selector = new BackendSelector(NullLoggerFactory.Instance);
var reference = new Dictionary<string, object>();
Console.WriteLine("| kernel | backend | device | end-to-end ms | kernel-only ms | M reads/s (e2e) | equals CPU |");
Console.WriteLine("|---|---|---|---:|---:|---:|---|");
foreach (string name in wanted)
{
    DeviceRequest request = ComputeOptions.ParseDevice(name);
    IComputeBackend backend;
    try
    {
        backend = selector.Select(new ComputeOptions { Device = request }).Primary;
    }
    catch (ComputeUnavailableException e)
    {
        Console.WriteLine($"# {name}: {e.Message}");
        continue;
    }

    using (backend)
    {
        foreach (var k in kernels)
        {
            k.Run(backend); // warm-up: program build, JIT, upload of the batch
            const int reps = 3;
            double best = double.MaxValue, bestKernel = double.MaxValue;
            object result = null!;
            for (int i = 0; i < reps; i++)
            {
                var sw = Stopwatch.StartNew();
                result = k.Run(backend);
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
                if (backend is IlgpuBackend device)
                {
                    bestKernel = Math.Min(bestKernel, device.LastKernelTime.TotalMilliseconds);
                }
            }

            string same = "reference";
            if (request == DeviceRequest.Cpu)
            {
                reference[k.Name] = result;
            }
            else if (reference.TryGetValue(k.Name, out object? cpu))
            {
                same = k.Same(cpu, result) ? "yes" : "NO";
            }

            string kernelMs = backend is IlgpuBackend ? bestKernel.ToString("F1", CultureInfo.InvariantCulture) : "—";
            Console.WriteLine($"| {k.Name} | {name} | {backend.DeviceName} | {best:F1} | {kernelMs} | {batch.Count / best / 1000:F2} | {same} |");
        }
    }
}

/// <summary>Scales the parity generator up: many independent 5 kb stretches laid end to end on one reference.</summary>
internal static class RandomReadsAtScale
{
    public const int Stretches = 400;

    public static int ReferenceLength => Stretches * RandomReads.ReferenceLength;

    public static ReadBatch Generate(int templates)
    {
        var builder = new ReadBatchBuilder(templates * 2);
        int per = Math.Max(1, templates / Stretches);
        for (int s = 0; s < Stretches; s++)
        {
            ReadBatch part = RandomReads.Generate(1000 + s, per);
            int shift = s * RandomReads.ReferenceLength;
            for (int r = 0; r < part.Count; r++)
            {
                if (part.ReferenceIds[r] != 0)
                {
                    continue;
                }

                int lseq = part.SequenceLengths[r];
                builder.Add(
                    new ReadFields
                    {
                        ReferenceId = 0,
                        PositionZeroBased = part.StartsZeroBased[r] + shift,
                        Flag = part.Flags[r],
                        MappingQuality = part.MappingQualities[r],
                        MateReferenceId = part.MateReferenceIds[r],
                        MatePositionZeroBased = part.MateStartsZeroBased[r] < 0 ? -1 : part.MateStartsZeroBased[r] + shift,
                        TemplateLength = part.TemplateLengths[r],
                        NumberOfHits = part.NumberOfHits[r],
                        SpliceStrand = (Strand)part.SpliceStrands[r],
                    },
                    BitConverter.GetBytes(((long)s << 32) | (uint)part.NameIds[r]),
                    part.CigarOf(r),
                    part.PackedBases.Slice(part.SequenceOffsets[r], (lseq + 1) / 2),
                    lseq,
                    part.Qualities.Slice(part.QualityOffsets[r], lseq));
            }
        }

        return builder.Build();
    }

    public static FeatureIndex Features()
    {
        var rng = new Random(99);
        int genes = Stretches * 10;
        var list = new List<FeatureInterval>();
        for (int g = 0; g < genes; g++)
        {
            var strand = (Strand)rng.Next(3);
            int start = rng.Next(1, ReferenceLength - 3000);
            for (int e = rng.Next(1, 6); e > 0; e--)
            {
                int s = start + rng.Next(0, 1500);
                list.Add(new FeatureInterval(0, new Position(s), new Position(s + rng.Next(20, 300)), strand, g));
            }
        }

        return new FeatureIndex(list, genes);
    }
}
