using System.Buffers.Binary;
using System.Text;
using CrbnVariantCaller.Formats.Bgzf;

namespace CrbnVariantCaller.Reporting.Vcf;

/// <summary>
/// Builds a tabix (<c>.tbi</c>) index for a bgzipped VCF while the VCF is written, from the virtual offsets of each
/// record (tabix specification; the binning and linear index are those of BAI, SAM specification §5.1.3 and §5.2).
/// Feed records in file order with <see cref="Add"/>, then call <see cref="WriteTo"/>. The output is functionally the
/// index <c>tabix -p vcf</c> builds: the same bins and the same region-query results. (htslib additionally merges
/// sparse child bins into their parents, a size optimisation that does not change which records a query returns.)
/// </summary>
public sealed class TabixIndexBuilder
{
    /// <summary>log2 of the 16 kb linear-index window and of the smallest bin.</summary>
    private const int MinShift = 14;

    /// <summary>Levels below the root bin.</summary>
    private const int Depth = 5;

    /// <summary>The pseudo-bin holding each reference's offsets and record counts (htslib <c>META_BIN</c>).</summary>
    private const uint MetaBin = 37450;

    /// <summary>htslib's <c>TBX_VCF</c> preset: format, sequence/begin/end columns, meta character, skipped lines.</summary>
    private const int FormatVcf = 2;

    private readonly List<ReferenceBuilder> _references = [];
    private ReferenceBuilder? _current;

    /// <summary>Number of records added.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Indexes one record.</summary>
    /// <param name="contig">The record's CHROM.</param>
    /// <param name="start">0-based start (POS − 1).</param>
    /// <param name="end">0-based exclusive end (POS − 1 + length of REF).</param>
    /// <param name="recordStart">Virtual offset of the record's first byte.</param>
    /// <param name="recordEnd">Virtual offset just past the record's newline.</param>
    /// <exception cref="InvalidOperationException">Records are not sorted by contig blocks and position.</exception>
    public void Add(string contig, long start, long end, VirtualOffset recordStart, VirtualOffset recordEnd)
    {
        ArgumentException.ThrowIfNullOrEmpty(contig);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, 1L << (MinShift + (3 * Depth)));
        if (end <= start)
        {
            end = start + 1;
        }

        if (_current is null || !string.Equals(_current.Name, contig, StringComparison.Ordinal))
        {
            if (_references.Any(r => string.Equals(r.Name, contig, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"records of contig {contig} are not contiguous; tabix needs a file sorted by contig");
            }

            _current = new ReferenceBuilder(contig, recordStart);
            _references.Add(_current);
        }
        else if (start < _current.LastStart)
        {
            throw new InvalidOperationException($"records are not sorted: {contig}:{start + 1} follows {contig}:{_current.LastStart + 1}");
        }

        _current.Add(start, end, recordStart, recordEnd);
        RecordCount++;
    }

    /// <summary>
    /// Records where the data ends (the virtual offset after the last record once its block is flushed, which is the
    /// address of the end-of-file block). Like htslib, the last reference's data then ends there. Optional.
    /// </summary>
    public void Finish(VirtualOffset endOfData) => _current?.ExtendLastRecordTo(endOfData);

    /// <summary>Writes the index, BGZF-compressed as tabix writes it.</summary>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using BgzfWriter bgzf = new(destination, leaveOpen: true);
        using BinaryWriter w = new(bgzf, Encoding.ASCII, leaveOpen: true);
        w.Write("TBI\u0001"u8);
        w.Write(_references.Count);
        w.Write(FormatVcf);
        w.Write(1); // sequence column
        w.Write(2); // begin column
        w.Write(0); // end column: none, the end comes from REF
        w.Write((int)'#');
        w.Write(0); // lines to skip
        byte[] names = Encoding.UTF8.GetBytes(string.Concat(_references.Select(r => r.Name + "\0")));
        w.Write(names.Length);
        w.Write(names);
        foreach (ReferenceBuilder reference in _references)
        {
            reference.WriteTo(w);
        }

        w.Write(0UL); // records without coordinates
    }

    /// <summary>The smallest bin holding the 0-based half-open interval (htslib <c>hts_reg2bin</c>).</summary>
    internal static uint RegionToBin(long start, long end)
    {
        end--;
        int shift = MinShift;
        long firstOfLevel = ((1L << (3 * Depth)) - 1) / 7;
        for (int level = Depth; level > 0; level--)
        {
            if (start >> shift == end >> shift)
            {
                return (uint)(firstOfLevel + (start >> shift));
            }

            shift += 3;
            firstOfLevel -= 1L << (3 * (level - 1));
        }

        return 0;
    }

    /// <summary>The index of one reference: bins of chunks, the linear index and the metadata pseudo-bin.</summary>
    private sealed class ReferenceBuilder(string name, VirtualOffset firstOffset)
    {
        private readonly SortedDictionary<uint, List<(ulong Begin, ulong End)>> _bins = [];
        private readonly List<ulong> _linear = [];
        private readonly VirtualOffset _firstOffset = firstOffset;
        private VirtualOffset _lastEnd;
        private long _lastRecordEnd;
        private long _records;

        public string Name { get; } = name;

        public long LastStart { get; private set; }

        public void Add(long start, long end, VirtualOffset recordStart, VirtualOffset recordEnd)
        {
            uint bin = RegionToBin(start, end);
            if (!_bins.TryGetValue(bin, out List<(ulong Begin, ulong End)>? chunks))
            {
                chunks = [];
                _bins.Add(bin, chunks);
            }

            // A record that starts where the bin's last chunk ended extends that chunk.
            if (chunks.Count > 0 && chunks[^1].End == recordStart.Value)
            {
                chunks[^1] = (chunks[^1].Begin, recordEnd.Value);
            }
            else
            {
                chunks.Add((recordStart.Value, recordEnd.Value));
            }

            long lastWindow = (end - 1) >> MinShift;
            while (_linear.Count <= lastWindow)
            {
                _linear.Add(ulong.MaxValue);
            }

            for (long window = start >> MinShift; window <= lastWindow; window++)
            {
                if (_linear[(int)window] == ulong.MaxValue)
                {
                    _linear[(int)window] = recordStart.Value;
                }
            }

            LastStart = start;
            _lastRecordEnd = end;
            _lastEnd = recordEnd;
            _records++;
        }

        public void ExtendLastRecordTo(VirtualOffset end)
        {
            if (end < _lastEnd)
            {
                throw new ArgumentOutOfRangeException(nameof(end), "the end of data lies before the last record's end");
            }

            uint bin = RegionToBin(LastStart, _lastRecordEnd);
            List<(ulong Begin, ulong End)> chunks = _bins[bin];
            chunks[^1] = (chunks[^1].Begin, end.Value);
            _lastEnd = end;
        }

        public void WriteTo(BinaryWriter w)
        {
            w.Write(_bins.Count + 1);
            foreach ((uint bin, List<(ulong Begin, ulong End)> chunks) in _bins)
            {
                List<(ulong Begin, ulong End)> merged = MergeWithinBlocks(chunks);
                w.Write(bin);
                w.Write(merged.Count);
                foreach ((ulong begin, ulong end) in merged)
                {
                    w.Write(begin);
                    w.Write(end);
                }
            }

            w.Write(MetaBin);
            w.Write(2);
            w.Write(_firstOffset.Value);
            w.Write(_lastEnd.Value);
            w.Write((ulong)_records);
            w.Write(0UL);

            // A window no record overlaps takes the offset of the next window that has one (as htslib 1.16 tabix
            // does): no record overlapping a later window can start before it. The last window always has a record.
            ulong[] linear = [.. _linear];
            for (int i = linear.Length - 2; i >= 0; i--)
            {
                if (linear[i] == ulong.MaxValue)
                {
                    linear[i] = linear[i + 1];
                }
            }

            w.Write(linear.Length);
            foreach (ulong offset in linear)
            {
                w.Write(offset);
            }
        }

        /// <summary>Merges chunks that start in the block where the previous one ends, as htslib does.</summary>
        private static List<(ulong Begin, ulong End)> MergeWithinBlocks(List<(ulong Begin, ulong End)> chunks)
        {
            List<(ulong Begin, ulong End)> merged = [chunks[0]];
            for (int i = 1; i < chunks.Count; i++)
            {
                (ulong begin, ulong end) = chunks[i];
                if (merged[^1].End >> 16 >= begin >> 16)
                {
                    merged[^1] = (merged[^1].Begin, Math.Max(merged[^1].End, end));
                }
                else
                {
                    merged.Add(chunks[i]);
                }
            }

            return merged;
        }
    }
}
