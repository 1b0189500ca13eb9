using System.Diagnostics;

namespace CrbnVariantCaller.Fuzz.Engine;

/// <summary>What one case did: the exception it raised (null when the input was read), the bytes and time it took.</summary>
internal readonly record struct CaseOutcome(Exception? Error, long Allocated, TimeSpan Elapsed, bool TimedOut);

/// <summary>
/// A long-lived background thread that runs one case at a time, so the caller can wait with a time limit and measure
/// the case's managed allocations on the thread that made them.
/// </summary>
internal sealed class CaseWorker : IDisposable
{
    private readonly FuzzWorkspace _workspace;
    private readonly Thread _thread;
    private readonly SemaphoreSlim _start = new(0);
    private readonly SemaphoreSlim _done = new(0);
    private IFuzzTarget? _target;
    private FuzzInput? _input;
    private CaseOutcome _outcome;
    private volatile bool _stopping;

    public CaseWorker(FuzzWorkspace workspace)
    {
        _workspace = workspace;
        _thread = new Thread(Loop, maxStackSize: 16 << 20) { IsBackground = true, Name = "fuzz-case" };
        _thread.Start();
    }

    public CaseOutcome Run(IFuzzTarget target, FuzzInput input, TimeSpan limit)
    {
        _target = target;
        _input = input;
        _start.Release();
        if (!_done.Wait(limit))
        {
            // The thread is stuck in the reader; it is a background thread and is abandoned.
            _stopping = true;
            return new CaseOutcome(null, 0, limit, TimedOut: true);
        }

        return _outcome;
    }

    public void Dispose()
    {
        if (!_stopping)
        {
            _stopping = true;
            _start.Release();
        }
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            if (_stopping)
            {
                return;
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            Exception? error = null;
            try
            {
                _target!.Consume(_input!, _workspace);
            }
            catch (Exception e)
            {
                error = e;
            }

            _outcome = new CaseOutcome(error, GC.GetAllocatedBytesForCurrentThread() - before, Stopwatch.GetElapsedTime(t0), false);
            _done.Release();
        }
    }
}
