using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>
/// The kernels over a stream of read chunks (<see cref="Ingest.ReadChunks"/>), each chunk's counts added to the
/// running totals, so no more than one chunk of reads is held at once. Every count here is a sum over reads (the chunks
/// never split the mates a kernel must see together), so the totals equal one run over all the reads.
/// </summary>
public static class ChunkedCounting
{
    /// <summary>One pileup per request over all chunks; <paramref name="eachChunk"/> also sees every chunk (for tallies).</summary>
    public static IReadOnlyList<PileupCounts> Pileups(
        this ComputeEngine engine, IEnumerable<ReadBatch> chunks, IReadOnlyList<PileupRequest> requests, Action<ReadBatch>? eachChunk = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(requests);
        // The first chunk's counts become the totals (each result is a fresh array), so one chunk costs no extra copy.
        PileupCounts?[] totals = new PileupCounts?[requests.Count];
        foreach (ReadBatch chunk in chunks)
        {
            eachChunk?.Invoke(chunk);
            for (int i = 0; i < requests.Count; i++)
            {
                PileupCounts counts = engine.Pileup(chunk, requests[i]).Value;
                if (totals[i] is { } total)
                {
                    Add(total.Raw, counts.Raw);
                }
                else
                {
                    totals[i] = counts;
                }
            }
        }

        return requests.Select((r, i) => totals[i] ?? new PileupCounts(r.Window, new int[r.Window.Length * PileupCounts.ChannelsPerPosition])).ToList();
    }

    /// <summary>The coverage under each request over all chunks.</summary>
    public static IReadOnlyList<CoverageResult> Coverages(this ComputeEngine engine, IEnumerable<ReadBatch> chunks, IReadOnlyList<CoverageRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(requests);
        CoverageResult?[] totals = new CoverageResult?[requests.Count];
        foreach (ReadBatch chunk in chunks)
        {
            for (int i = 0; i < requests.Count; i++)
            {
                CoverageResult c = engine.Coverage(chunk, requests[i]).Value;
                if (totals[i] is not { } total)
                {
                    totals[i] = c;
                    continue;
                }

                Add(total.Depth, c.Depth);
                for (int b = 0; b < total.BinSums.Length; b++)
                {
                    total.BinSums[b] += c.BinSums[b];
                }
            }
        }

        return requests.Select((r, i) => totals[i] ?? new CoverageResult(r.Window, r.BinSize, new int[r.Window.Length], new ulong[(r.Window.Length + r.BinSize - 1) / r.BinSize])).ToList();
    }

    /// <summary>
    /// Feature counts under each request over all chunks: gene counts and summary added up (per-read assignments are not
    /// kept); a request given twice is counted once.
    /// </summary>
    public static IReadOnlyList<FeatureCountResult> FeatureCounts(
        this ComputeEngine engine, IEnumerable<ReadBatch> chunks, FeatureIndex features, IReadOnlyList<FeatureCountRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(requests);
        FeatureCountRequest[] distinct = [.. requests.Distinct()];
        var parts = distinct.Select(_ => new List<FeatureCountResult>()).ToArray();
        foreach (ReadBatch chunk in chunks)
        {
            for (int i = 0; i < distinct.Length; i++)
            {
                parts[i].Add(FeatureCountResult.Sum([engine.FeatureCounts(chunk, features, distinct[i]).Value], features.GeneCount));
            }
        }

        FeatureCountResult[] totals = parts.Select(p => FeatureCountResult.Sum(p, features.GeneCount)).ToArray();
        return requests.Select(r => totals[Array.IndexOf(distinct, r)]).ToList();
    }

    /// <summary>Junction counts over all chunks, merged and sorted as one run sorts them.</summary>
    public static IReadOnlyList<JunctionCount> Junctions(IEnumerable<IReadOnlyList<JunctionCount>> perChunk)
    {
        ArgumentNullException.ThrowIfNull(perChunk);
        var totals = new Dictionary<(int Ref, int Start, int End, int Strand), int>();
        foreach (IReadOnlyList<JunctionCount> counts in perChunk)
        {
            foreach (JunctionCount j in counts)
            {
                var key = (j.ReferenceId, j.IntronStart.Value, j.IntronEnd.Value, (int)j.Strand);
                totals[key] = totals.GetValueOrDefault(key) + j.Reads;
            }
        }

        return totals
            .OrderBy(kv => kv.Key.Ref).ThenBy(kv => kv.Key.Start).ThenBy(kv => kv.Key.End).ThenBy(kv => kv.Key.Strand)
            .Select(kv => new JunctionCount(kv.Key.Ref, new Core.Coordinates.Position(kv.Key.Start), new Core.Coordinates.Position(kv.Key.End), (Core.Coordinates.Strand)kv.Key.Strand, kv.Value))
            .ToList();
    }

    private static void Add(int[] total, int[] part)
    {
        for (int i = 0; i < total.Length; i++)
        {
            total[i] += part[i];
        }
    }
}
