using System.Collections;
using CrbnVariantCaller.Formats.Bam.Index;
using CrbnVariantCaller.Formats.Bgzf;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// The records a region query selects, read chunk by chunk from the index plan as htslib's <c>hts_itr_next</c> does:
/// a record is returned when it is on the queried reference and its span overlaps the region; reading stops at the first
/// record on another reference or starting at or after the region end.
/// Use <see cref="ReadRecord"/> to refill a caller-owned record, or enumerate (one reused instance is yielded).
/// </summary>
public sealed class BamQuery : IEnumerable<BamRecord>
{
    private readonly BamReader _reader;
    private readonly IReadOnlyList<IndexChunk> _chunks;
    private readonly int _referenceId;
    private readonly long _start;
    private readonly long _end;
    private readonly bool _unplaced;
    private readonly VirtualOffset? _unplacedStart;

    private int _chunk = -1;
    private VirtualOffset _current;
    private bool _finished;
    private int _lastRef = int.MinValue;
    private int _lastPos = int.MinValue;

    internal BamQuery(BamReader reader, IReadOnlyList<IndexChunk> chunks, int referenceId, long start, long end)
    {
        _reader = reader;
        _chunks = chunks;
        _referenceId = referenceId;
        _start = start;
        _end = end;
        _finished = chunks.Count == 0;
    }

    private BamQuery(BamReader reader, VirtualOffset? unplacedStart)
    {
        _reader = reader;
        _chunks = [];
        _unplaced = true;
        _unplacedStart = unplacedStart;
        _finished = unplacedStart is null;
    }

    /// <summary>The file chunks this query reads, in order.</summary>
    public IReadOnlyList<IndexChunk> Chunks => _chunks;

    /// <summary>Refills <paramref name="record"/> with the next selected record; false when the query is exhausted.</summary>
    /// <exception cref="BamUnsortedException">Records were found out of coordinate order.</exception>
    public bool ReadRecord(BamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_finished)
        {
            return false;
        }

        if (_unplaced)
        {
            return ReadUnplaced(record);
        }

        while (true)
        {
            if (_chunk < 0 || _current >= _chunks[_chunk].End)
            {
                if (_chunk == _chunks.Count - 1)
                {
                    return Finish();
                }

                if (_chunk < 0 || _chunks[_chunk].End != _chunks[_chunk + 1].Begin)
                {
                    _reader.SeekDirect(_chunks[_chunk + 1].Begin);
                    _current = _chunks[_chunk + 1].Begin;
                }

                _chunk++;
            }

            if (!_reader.ReadRecordDirect(record, out _))
            {
                return Finish();
            }

            _current = _reader.DirectPosition;
            int tid = record.ReferenceId;
            int pos = record.PositionZeroBased;
            CheckOrder(tid, pos, record);
            if (tid != _referenceId || pos >= _end)
            {
                return Finish();
            }

            if (record.ReferenceEndZeroBasedExclusive > _start && _end > pos)
            {
                return true;
            }
        }
    }

    /// <summary>Enumerates the selected records, yielding one reused <see cref="BamRecord"/> instance.</summary>
    public IEnumerator<BamRecord> GetEnumerator()
    {
        var record = new BamRecord();
        while (ReadRecord(record))
        {
            yield return record;
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static BamQuery Unplaced(BamReader reader, VirtualOffset? start) => new(reader, start);

    private bool ReadUnplaced(BamRecord record)
    {
        if (_chunk < 0)
        {
            _reader.SeekDirect(_unplacedStart!.Value);
            _chunk = 0;
        }

        return _reader.ReadRecordDirect(record, out _) || Finish();
    }

    private void CheckOrder(int tid, int pos, BamRecord record)
    {
        // Unplaced records (tid −1) sort last; within a reference positions must not decrease.
        long key = tid < 0 ? long.MaxValue : ((long)tid << 32) | (uint)(pos + 1);
        long last = _lastRef == int.MinValue ? long.MinValue
            : _lastRef < 0 ? long.MaxValue : ((long)_lastRef << 32) | (uint)(_lastPos + 1);
        if (key < last)
        {
            string where = tid < 0 ? "*" : $"reference {tid} position {pos + 1}";
            string before = _lastRef < 0 ? "*" : $"reference {_lastRef} position {_lastPos + 1}";
            throw new BamUnsortedException(
                _reader.FilePath,
                $"records are not in coordinate order: '{record.GetReadName()}' at {where} follows a record at {before}; run 'samtools sort'");
        }

        _lastRef = tid;
        _lastPos = pos;
    }

    private bool Finish()
    {
        _finished = true;
        return false;
    }
}
