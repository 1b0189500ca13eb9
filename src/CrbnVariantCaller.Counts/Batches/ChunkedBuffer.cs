namespace CrbnVariantCaller.Counts.Batches;

/// <summary>
/// An append-only list of unmanaged values stored in chunks that are never moved: appending never copies what is
/// already there (unlike a doubling array), and the final contiguous copy is made once, by <see cref="CopyTo"/>.
/// Chunks start small (a one-gene batch stays small) and grow geometrically up to <see cref="MaxChunkBytes"/>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ChunkedBuffer<T>
    where T : unmanaged
{
    /// <summary>The largest chunk, in bytes (4 MiB: big enough that a chunk boundary is rare, small enough to waste little).</summary>
    internal const int MaxChunkBytes = 4 << 20;

    private readonly List<T[]> _full = [];
    private readonly int _maxChunkLength;
    private T[] _current;
    private int _used;
    private long _fullCount;

    /// <summary>Creates an empty buffer whose first chunk holds <paramref name="initialCapacity"/> elements.</summary>
    public ChunkedBuffer(int initialCapacity)
    {
        _maxChunkLength = Math.Max(1, MaxChunkBytes / System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        _current = GC.AllocateUninitializedArray<T>(Math.Clamp(initialCapacity, 16, _maxChunkLength));
    }

    /// <summary>The number of elements appended.</summary>
    public long Count => _fullCount + _used;

    /// <summary>Appends one value.</summary>
    public void Add(in T value)
    {
        if (_used == _current.Length)
        {
            NextChunk();
        }

        _current[_used++] = value;
    }

    /// <summary>Appends <paramref name="values"/>, splitting them over chunks when the current one fills up.</summary>
    public void Add(ReadOnlySpan<T> values)
    {
        while (true)
        {
            int room = _current.Length - _used;
            if (values.Length <= room)
            {
                values.CopyTo(_current.AsSpan(_used));
                _used += values.Length;
                return;
            }

            values[..room].CopyTo(_current.AsSpan(_used));
            _used = _current.Length;
            values = values[room..];
            NextChunk();
        }
    }

    /// <summary>The number of chunks (the last one possibly partly filled).</summary>
    public int ChunkCount => _full.Count + 1;

    /// <summary>The filled elements of chunk <paramref name="index"/>; chunks in order hold every element in order.</summary>
    public ReadOnlySpan<T> Chunk(int index) => index < _full.Count ? _full[index] : _current.AsSpan(0, _used);

    /// <summary>Copies every element, in order, to the start of <paramref name="destination"/>.</summary>
    public void CopyTo(Span<T> destination)
    {
        int at = 0;
        foreach (T[] chunk in _full)
        {
            chunk.CopyTo(destination[at..]);
            at += chunk.Length;
        }

        _current.AsSpan(0, _used).CopyTo(destination[at..]);
    }

    /// <summary>A new array holding every element in order.</summary>
    public T[] ToArray()
    {
        T[] result = GC.AllocateUninitializedArray<T>(checked((int)Count));
        CopyTo(result);
        return result;
    }

    /// <summary>A reader that walks the elements in order, copying or skipping runs of them.</summary>
    public Cursor Read() => new(this);

    private void NextChunk()
    {
        _full.Add(_current);
        _fullCount += _current.Length;
        int next = (int)Math.Min((long)_current.Length * 2, _maxChunkLength);
        _current = GC.AllocateUninitializedArray<T>(next);
        _used = 0;
    }

    /// <summary>Walks a buffer's elements in order (see <see cref="Read"/>).</summary>
    public struct Cursor
    {
        private readonly ChunkedBuffer<T> _buffer;
        private int _chunk;
        private int _offset;

        internal Cursor(ChunkedBuffer<T> buffer)
        {
            _buffer = buffer;
            _chunk = 0;
            _offset = 0;
        }

        /// <summary>Copies the next <paramref name="destination"/>.Length elements into it.</summary>
        public void CopyNext(Span<T> destination) => Advance(destination.Length, destination);

        /// <summary>Passes over the next <paramref name="count"/> elements.</summary>
        public void Skip(int count) => Advance(count, default);

        private void Advance(int count, Span<T> destination)
        {
            while (count > 0)
            {
                ReadOnlySpan<T> chunk = _buffer.Chunk(_chunk)[_offset..];
                if (chunk.IsEmpty)
                {
                    _chunk++;
                    _offset = 0;
                    continue;
                }

                int take = Math.Min(count, chunk.Length);
                if (!destination.IsEmpty)
                {
                    chunk[..take].CopyTo(destination);
                    destination = destination[take..];
                }

                _offset += take;
                count -= take;
            }
        }
    }
}
