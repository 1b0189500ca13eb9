using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrbnVariantCaller.Calling.Tests;

/// <summary>
/// Where the tests get the counts the Calling classes take: a compute engine on the managed CPU backend (the
/// reference), driven through the pipeline's counting steps (<c>CrbnVariantCaller.Pipeline.Counting</c>) as
/// <c>crbn call</c> drives it.
/// </summary>
internal static class CpuCompute
{
    /// <summary>A CPU engine (the reference backend, no fallback possible).</summary>
    public static ComputeEngine Engine() => new(new CpuBackend(), new CpuBackend(), NullLogger<ComputeEngine>.Instance);

    /// <summary>Every junction of <paramref name="reads"/>, on every reference, counted under the analyzer's rules.</summary>
    public static IReadOnlyList<JunctionCount> ListJunctions(this ComputeEngine engine, CrbnSplicingAnalyzer analyzer, ReadBatch reads, Strandedness library)
    {
        SplicedReadSubset spliced = analyzer.SelectSplicedReads(reads, library);
        return engine.Junctions(spliced.Batch, analyzer.JunctionRequest).Value;
    }
}
