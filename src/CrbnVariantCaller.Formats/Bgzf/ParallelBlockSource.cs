using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// Reads compressed blocks ahead on the caller's thread and inflates them on worker threads, each with its own inflater.
/// Blocks sit in a ring of slots (a few per worker) and are handed back strictly in file order; the caller's thread only
/// copies compressed bytes, which is cheap, so the workers stay busy. A seek drains the ring unless the target block
/// is already in it. After a seek the read-ahead window starts at one block per worker and widens by one block for each
/// block consumed, so that short index-driven reads do not inflate blocks nobody asked for.
/// </summary>
internal sealed class ParallelBlockSource : IBgzfBlockSource
{
    private const int SlotsPerWorker = 4;

    private readonly BgzfBlockFramer _framer;
    private readonly string _filePath;
    private readonly Slot[] _slots;
    private readonly Thread[] _workers;
    private readonly BlockingCollection<Slot> _queue = new(new ConcurrentQueue<Slot>());

    private int _head;          // oldest slot that is issued or held by the caller
    private int _count;         // slots issued or held, starting at _head
    private int _window;        // how many slots may be issued or held now; grows up to _slots.Length
    private bool _holding;      // the caller holds _slots[_head]
    private bool _framingEnded; // no more blocks will be framed until the next seek
    private ExceptionDispatchInfo? _framingError;
    private bool _disposed;

    public ParallelBlockSource(BgzfBlockFramer framer, string filePath, int workers, DeflateBackend backend)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _framer = framer;
        _filePath = filePath;
        _slots = new Slot[workers * SlotsPerWorker];
        for (int i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new Slot();
        }

        _window = workers;
        _workers = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            IBlockInflater inflater = DeflateCodecFactory.CreateInflater(backend);
            _workers[i] = new Thread(() => Work(inflater))
            {
                IsBackground = true,
                Name = $"bgzf-inflate-{i}",
            };
            _workers[i].Start();
        }
    }

    public bool TryNext([NotNullWhen(true)] out BgzfBlockBuffer? block)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        block = null;
        ReleaseHeld();
        IssueFreeSlots();
        if (_count == 0)
        {
            _framingError?.Throw();
            return false;
        }

        Slot slot = _slots[_head];
        slot.Done.Wait();
        _holding = true;
        if (slot.Error is { } error)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        block = slot.Block;
        return true;
    }

    public void Seek(long compressedOffset)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ReleaseHeld();

        // Skip read-ahead blocks before the target: adjacent index chunks then cost nothing.
        while (_count > 0 && _slots[_head].Block.Address < compressedOffset)
        {
            _slots[_head].Done.Wait();
            _head = (_head + 1) % _slots.Length;
            _count--;
        }

        bool targetIsNext = _count > 0
            ? _slots[_head].Block.Address == compressedOffset
            : _framingError is null && _framer.Position == compressedOffset;
        if (targetIsNext)
        {
            return;
        }

        Drain();
        _framingEnded = false;
        _framingError = null;
        _framer.Seek(compressedOffset);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.CompleteAdding();
        foreach (Thread worker in _workers)
        {
            worker.Join();
        }

        _queue.Dispose();
        foreach (Slot slot in _slots)
        {
            slot.Dispose();
        }
    }

    private void ReleaseHeld()
    {
        if (_holding)
        {
            _holding = false;
            _head = (_head + 1) % _slots.Length;
            _count--;
            _window = Math.Min(_window + 1, _slots.Length);
        }
    }

    private void IssueFreeSlots()
    {
        while (_count < _window && !_framingEnded)
        {
            Slot slot = _slots[(_head + _count) % _slots.Length];
            try
            {
                if (!_framer.TryReadBlock(slot.Block.Compressed, out int length, out long address))
                {
                    _framingEnded = true;
                    return;
                }

                slot.Block.Address = address;
                slot.Block.CompressedLength = length;
            }
            catch (InvalidInputFileException e)
            {
                // Delivered only after every good block before it, so the caller sees the data that precedes the fault.
                _framingError = ExceptionDispatchInfo.Capture(e);
                _framingEnded = true;
                return;
            }

            slot.Error = null;
            slot.Done.Reset();
            _count++;
            _queue.Add(slot);
        }
    }

    private void Drain()
    {
        for (int i = 0; i < _count; i++)
        {
            _slots[(_head + i) % _slots.Length].Done.Wait();
        }

        _head = 0;
        _count = 0;
        _holding = false;
        _window = _workers.Length;
    }

    private void Work(IBlockInflater inflater)
    {
        try
        {
            foreach (Slot slot in _queue.GetConsumingEnumerable())
            {
                try
                {
                    slot.Block.Inflate(inflater, _filePath);
                }
                catch (Exception e)
                {
                    slot.Error = e;
                }
                finally
                {
                    slot.Done.Set();
                }
            }
        }
        finally
        {
            inflater.Dispose();
        }
    }

    private sealed class Slot : IDisposable
    {
        public BgzfBlockBuffer Block { get; } = new();

        public ManualResetEventSlim Done { get; } = new(initialState: true, spinCount: 200);

        public Exception? Error { get; set; }

        public void Dispose()
        {
            Done.Dispose();
            Block.Dispose();
        }
    }
}
