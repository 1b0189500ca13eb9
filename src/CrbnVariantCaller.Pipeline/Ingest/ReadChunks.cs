using System.Collections;
using System.Text;
using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Formats.Bam;

namespace CrbnVariantCaller.Pipeline.Ingest;

/// <summary>
/// The records of a BAM over some regions (each record once, as <see cref="BamBatchLoader.LoadRegions"/> takes them),
/// delivered as read batches of about <see cref="MaxReads"/> reads, so that no more than one chunk of decoded reads is in
/// memory at a time. Enumerating again reads the BAM again, unless everything fit in one chunk: that chunk is kept
/// and handed out again (it is within the bound anyway).
/// </summary>
/// <remarks>
/// A chunk is never cut between the reads of one template that a kernel must see together: a read whose mate lies on the
/// same reference at or after the last read of the chunk (so the mate is still to come) moves to the next chunk, with
/// every read of the chunk that shares its name. Overlapping mates (the pileup's quality rule) and the mates of a fragment
/// (feature counts) therefore always meet in one chunk, and every count summed over the chunks equals the count of the
/// whole. Each chunk stays in coordinate order: the moved reads start before every new read of the next chunk.
/// </remarks>
public sealed class ReadChunks : IEnumerable<ReadBatch>
{
    /// <summary>Reads per chunk unless told otherwise: about 70 MB of decoded 150 bp reads.</summary>
    public const int DefaultMaxReads = 1 << 18;

    private readonly BamReader _reader;
    private readonly IReadOnlyList<RegionSpec> _regions;
    private ReadBatch? _single;

    /// <summary>Chunks of the records over <paramref name="regions"/> (give them sorted and disjoint to keep file order).</summary>
    public ReadChunks(BamReader reader, IEnumerable<RegionSpec> regions, int maxReads = DefaultMaxReads)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxReads);
        _reader = reader;
        _regions = regions.ToList();
        MaxReads = maxReads;
    }

    /// <summary>The chunk size a cut is made at.</summary>
    public int MaxReads { get; }

    /// <summary>The BAM read.</summary>
    public BamReader Reader => _reader;

    /// <inheritdoc />
    public IEnumerator<ReadBatch> GetEnumerator() =>
        (_single is { } single ? (IEnumerable<ReadBatch>)[single] : Stream()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<ReadBatch> Stream()
    {
        var builder = new ReadBatchBuilder(Math.Min(MaxReads, 4096));
        var waiting = new List<WaitingRead>();
        var record = new BamRecord();
        var earlier = new List<(int ReferenceId, long Start, long End)>();
        bool cut = false;
        foreach (RegionSpec region in _regions)
        {
            BamQuery query = _reader.Query(region);
            int referenceId = _reader.Header.GetReferenceId(region.Contig);
            while (query.ReadRecord(record))
            {
                if (BamBatchLoader.OverlapsAny(earlier, referenceId, record))
                {
                    continue;
                }

                if (MateStillToCome(record))
                {
                    waiting.Add(new WaitingRead(builder.Count, record.ReferenceId, record.MatePositionZeroBased, Encoding.Latin1.GetString(record.ReadName)));
                }

                BamBatchLoader.AddFrom(_reader, builder, record);
                if (builder.Count >= MaxReads)
                {
                    (ReadBatch chunk, builder, waiting) = Cut(builder, waiting);
                    cut = true;
                    yield return chunk;
                }
            }

            earlier.Add((referenceId, Math.Max(0, region.Start.ZeroBased), region.End is { } e ? e.Value : long.MaxValue));
        }

        if (builder.Count > 0 || !cut)
        {
            ReadBatch last = builder.Build();
            if (!cut)
            {
                _single = last;
            }

            yield return last;
        }
    }

    /// <summary>A paired read whose mate is placed on the same reference at or after it.</summary>
    private static bool MateStillToCome(BamRecord record) =>
        (record.Flags & SamFlags.Paired) != 0 && record.ReferenceId >= 0 && record.MateReferenceId == record.ReferenceId &&
        record.MatePositionZeroBased >= record.PositionZeroBased;

    /// <summary>Splits the builder's reads into the chunk to hand out and the reads that move on to the next one.</summary>
    private (ReadBatch Chunk, ReadBatchBuilder Next, List<WaitingRead> Waiting) Cut(ReadBatchBuilder builder, List<WaitingRead> waiting)
    {
        ReadBatch all = builder.Build();
        int lastReference = all.ReferenceIds[^1];
        int lastStart = all.StartsZeroBased[^1];
        var moving = new Dictionary<int, string>(); // name id -> name, for the templates whose mate is still to come
        foreach (WaitingRead w in waiting)
        {
            if (w.ReferenceId == lastReference && w.MateStart >= lastStart)
            {
                moving.TryAdd(all.NameIds[w.Index], w.Name);
            }
        }

        var next = new ReadBatchBuilder(Math.Min(MaxReads, 4096));
        var nextWaiting = new List<WaitingRead>();
        if (moving.Count == 0)
        {
            return (all, next, nextWaiting);
        }

        var kept = new ReadBatchBuilder(all.Count);
        Span<byte> idName = stackalloc byte[11];
        Span<byte> realName = stackalloc byte[256];
        var waitingAt = waiting.ToDictionary(w => w.Index);
        for (int r = 0; r < all.Count; r++)
        {
            int nameId = all.NameIds[r];
            if (moving.TryGetValue(nameId, out string? name))
            {
                if (waitingAt.TryGetValue(r, out WaitingRead w))
                {
                    nextWaiting.Add(w with { Index = next.Count });
                }

                int length = Encoding.Latin1.GetBytes(name, realName);
                next.AddFrom(all, r, realName[..length]);
            }
            else
            {
                nameId.TryFormat(idName, out int written, provider: System.Globalization.CultureInfo.InvariantCulture);
                kept.AddFrom(all, r, idName[..written]);
            }
        }

        return (kept.Build(), next, nextWaiting);
    }

    /// <summary>A read of the current chunk whose mate is still to come.</summary>
    private readonly record struct WaitingRead(int Index, int ReferenceId, int MateStart, string Name);
}
