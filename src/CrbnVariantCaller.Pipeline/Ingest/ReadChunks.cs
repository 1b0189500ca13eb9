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
/// A chunk is never cut between the reads of one template that a kernel must see together, so every count summed over
/// the chunks equals the count of the whole:
/// <list type="bullet">
/// <item>A read whose mate lies on the same reference at or after the last read of the chunk (the mate is still to come)
/// moves to the next chunk with every read of the chunk that shares its name. Overlapping mates (the pileup's quality
/// rule) always meet this way, and each chunk stays in coordinate order (moved reads start before the new ones).</item>
/// <item>A primary read whose mate is still to come but far away (on a later reference, or still missing after two
/// moves) is set aside instead, so it is not copied at every cut, and joins the chunk of its mate just before the mate
/// (fragment counting pairs mates by name, the first one leading); set-aside reads whose mate never comes join the last
/// chunk. Such pairs are too far apart to overlap, so the pileup's pairing does not see them either way.</item>
/// </list>
/// </remarks>
public sealed class ReadChunks : IEnumerable<ReadBatch>
{
    /// <summary>Reads per chunk unless told otherwise: about 70 MB of decoded 150 bp reads.</summary>
    public const int DefaultMaxReads = 1 << 18;

    private const int MovesBeforeSetAside = 2;
    private const ushort NotPrimary = (ushort)(SamFlags.Secondary | SamFlags.Supplementary);

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

    /// <summary>After one full pass, the only chunk when everything fit in one; otherwise null.</summary>
    public ReadBatch? Single => _single;

    /// <inheritdoc />
    public IEnumerator<ReadBatch> GetEnumerator() =>
        (_single is { } single ? (IEnumerable<ReadBatch>)[single] : Stream()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<ReadBatch> Stream()
    {
        var state = new CutState(new ReadBatchBuilder(Math.Min(MaxReads, 4096)), [], new Dictionary<string, List<ReadBatch>>(StringComparer.Ordinal));
        var record = new BamRecord();
        var earlier = new List<(int ReferenceId, long Start, long End)>();
        bool cut = false;
        int nextCutAt = MaxReads;
        byte[] nameBytes = new byte[256];
        var bounds = _regions
            .Select(r => (ReferenceId: _reader.Header.GetReferenceId(r.Contig), End: r.End is { } end ? end.Value : long.MaxValue))
            .ToArray();
        for (int regionIndex = 0; regionIndex < _regions.Count; regionIndex++)
        {
            RegionSpec region = _regions[regionIndex];
            BamQuery query = _reader.Query(region);
            int referenceId = bounds[regionIndex].ReferenceId;
            int current = regionIndex;

            // A mate can still come only from this region or a later one, and only if it starts before that region's end.
            bool MateCanCome(int mateReference, int mateStart) =>
                bounds.Skip(current).Any(b => b.ReferenceId == mateReference && mateStart < b.End);
            while (query.ReadRecord(record))
            {
                if (BamBatchLoader.OverlapsAny(earlier, referenceId, record))
                {
                    continue;
                }

                bool primaryPaired = (record.Flags & SamFlags.Paired) != 0 && ((ushort)record.Flags & NotPrimary) == 0;
                bool waits = MateStillToCome(record);
                string? name = waits || (state.SetAside.Count > 0 && primaryPaired) ? Encoding.Latin1.GetString(record.ReadName) : null;
                if (name is not null && primaryPaired && state.SetAside.Remove(name, out List<ReadBatch>? mates))
                {
                    foreach (ReadBatch mate in mates)
                    {
                        state.Builder.AddFrom(mate, 0, record.ReadName);
                    }
                }

                if (waits)
                {
                    state.Waiting.Add(new WaitingRead(state.Builder.Count, record.ReferenceId, record.MateReferenceId,
                        record.MatePositionZeroBased, primaryPaired, 0, name!));
                }

                BamBatchLoader.AddFrom(_reader, state.Builder, record);
                if (state.Builder.Count >= nextCutAt)
                {
                    (ReadBatch? chunk, CutState next) = Cut(state, record.ReferenceId, record.PositionZeroBased, MateCanCome);
                    bool advanced = !ReferenceEquals(next, state);
                    state = next;
                    cut |= advanced;
                    nextCutAt = advanced ? MaxReads : state.Builder.Count + Math.Max(1, MaxReads / 4);
                    if (chunk is not null)
                    {
                        yield return chunk;
                    }
                }
            }

            earlier.Add((referenceId, Math.Max(0, region.Start.ZeroBased), region.End is { } e ? e.Value : long.MaxValue));
        }

        // Set-aside reads whose mate never came end the stream, in the order they were set aside.
        foreach ((string name, List<ReadBatch> reads) in state.SetAside)
        {
            int length = Encoding.Latin1.GetBytes(name, nameBytes);
            foreach (ReadBatch read in reads)
            {
                state.Builder.AddFrom(read, 0, nameBytes.AsSpan(0, length));
            }
        }

        if (state.Builder.Count > 0 || !cut)
        {
            ReadBatch last = state.Builder.Build();
            if (!cut)
            {
                _single = last;
            }

            yield return last;
        }
    }

    /// <summary>A paired read whose mate is placed at or after it: on the same reference at or after its start, or on a later reference.</summary>
    private static bool MateStillToCome(BamRecord record) =>
        (record.Flags & SamFlags.Paired) != 0 && record.ReferenceId >= 0 && record.MateReferenceId >= 0 &&
        (record.MateReferenceId > record.ReferenceId ||
         (record.MateReferenceId == record.ReferenceId && record.MatePositionZeroBased >= record.PositionZeroBased));

    /// <summary>
    /// Splits the builder's reads into the chunk to hand out and the reads that move on to the next one or are set aside.
    /// When more than half of the reads would have to move, nothing is cut (the same state comes back and the caller reads
    /// on and tries again); when every read is set aside, the state moves on but there is no chunk to hand out.
    /// </summary>
    private static (ReadBatch? Chunk, CutState Next) Cut(CutState state, int lastReference, int lastStart, Func<int, int, bool> mateCanCome)
    {
        int[] nameIds = state.Builder.NameIds();
        var moving = new Dictionary<int, string>(); // name id -> name: templates whose mate is still to come
        var setAside = new HashSet<int>(); // of those, the name ids held back until their mate arrives
        foreach (WaitingRead w in state.Waiting)
        {
            bool toCome = (w.MateReferenceId > lastReference || (w.MateReferenceId == lastReference && w.MateStart >= lastStart))
                && mateCanCome(w.MateReferenceId, w.MateStart);
            if (!toCome)
            {
                continue;
            }

            int nameId = nameIds[w.Index];
            moving.TryAdd(nameId, w.Name);
            if (w.Primary && (w.MateReferenceId != w.ReferenceId || w.Moves >= MovesBeforeSetAside))
            {
                setAside.Add(nameId);
            }
        }

        int movingReads = nameIds.Count(id => moving.ContainsKey(id) && !setAside.Contains(id));
        if (movingReads * 2 > nameIds.Length)
        {
            return (null, state);
        }

        var next = new CutState(new ReadBatchBuilder(4096), [], state.SetAside);
        if (moving.Count == 0)
        {
            return (state.Builder.Build(), next);
        }

        ReadBatch chunk = state.Builder.Build(r => !moving.ContainsKey(nameIds[r]));
        var movedRows = new List<int>();
        ReadBatch moved = state.Builder.Build(r =>
        {
            bool m = moving.ContainsKey(nameIds[r]);
            if (m)
            {
                movedRows.Add(r);
            }

            return m;
        });
        var waitingAt = state.Waiting.ToDictionary(w => w.Index);
        byte[] realName = new byte[256];
        for (int i = 0; i < moved.Count; i++)
        {
            int row = movedRows[i];
            string name = moving[nameIds[row]];
            int length = Encoding.Latin1.GetBytes(name, realName);
            if (setAside.Contains(nameIds[row]))
            {
                var one = new ReadBatchBuilder(1);
                one.AddFrom(moved, i, realName.AsSpan(0, length));
                if (!next.SetAside.TryGetValue(name, out List<ReadBatch>? reads))
                {
                    next.SetAside[name] = reads = [];
                }

                reads.Add(one.Build());
                continue;
            }

            if (waitingAt.TryGetValue(row, out WaitingRead w))
            {
                next.Waiting.Add(w with { Index = next.Builder.Count, Moves = w.Moves + 1 });
            }

            next.Builder.AddFrom(moved, i, realName.AsSpan(0, length));
        }

        return (chunk.Count > 0 ? chunk : null, next);
    }

    /// <summary>What the stream carries from one chunk to the next.</summary>
    private sealed record CutState(ReadBatchBuilder Builder, List<WaitingRead> Waiting, Dictionary<string, List<ReadBatch>> SetAside);

    /// <summary>A read of the current chunk whose mate is still to come.</summary>
    private readonly record struct WaitingRead(int Index, int ReferenceId, int MateReferenceId, int MateStart, bool Primary, int Moves, string Name);
}
