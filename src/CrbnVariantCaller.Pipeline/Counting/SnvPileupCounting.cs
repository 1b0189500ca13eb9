using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>
/// Where the SNV caller's reads come from when they are streamed: the region's reads chunk by chunk (for the pileups
/// and the read tally), and a loader of just the reads covering given 0-based positions (for the per-read checks).
/// </summary>
/// <param name="Chunks">The reads over the tested region, in coordinate-ordered chunks.</param>
/// <param name="ReadsCovering">Loads every read covering the given sorted 0-based positions, in coordinate order.</param>
public sealed record SnvReadSource(IEnumerable<ReadBatch> Chunks, Func<IReadOnlyList<int>, ReadBatch> ReadsCovering);

/// <summary>SNV and indel calling: the quality-band pileups the caller asks for, counted on the engine, then the call.</summary>
public static class SnvPileupCounting
{
    /// <summary>Counts the pileups <paramref name="caller"/> asks for on <paramref name="input"/>'s tumour and normal reads and calls.</summary>
    public static SnvCallSet CallSnvs(this ComputeEngine engine, SnvCaller caller, SnvCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return engine.CallSnvs(
            caller,
            input,
            new SnvReadSource([input.Tumor], _ => input.Tumor),
            input.Normal is { } normal ? new SnvReadSource([normal], _ => normal) : null);
    }

    /// <summary>
    /// Streams the reads: the pileups (and the QC's read tally) are summed over the chunks, then only the reads covering
    /// the positions the caller walks are loaded for the call. <paramref name="input"/>'s read batches are ignored.
    /// <paramref name="eachTumorChunk"/> sees every tumour chunk too, for other counts that ride along the same pass.
    /// </summary>
    public static SnvCallSet CallSnvs(
        this ComputeEngine engine, SnvCaller caller, SnvCallInput input, SnvReadSource tumor, SnvReadSource? normal, Action<ReadBatch>? eachTumorChunk = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(tumor);
        input = input with { Tumor = ReadBatch.Empty, Normal = normal is null ? null : ReadBatch.Empty };
        SnvPileupRequests requests = caller.PileupRequests(input);
        var tally = new SnvReadTally();
        var pileups = new SnvPileups(
            engine.Pileups(tumor.Chunks, requests.Tumor, chunk =>
            {
                tally.Add(chunk, input.ReferenceId, input.Transcript);
                eachTumorChunk?.Invoke(chunk);
            }),
            normal is null || requests.Normal is null ? null : engine.Pileups(normal.Chunks, requests.Normal));
        SnvWalkedSites sites = caller.WalkedPositions(input, pileups);
        return caller.Call(
            input with
            {
                Tumor = tumor.ReadsCovering(sites.Tumor),
                Normal = normal?.ReadsCovering(sites.Normal),
                TumorReadTally = tally,
            },
            pileups);
    }
}
