using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.Counts;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Compute.Backends;

/// <summary>
/// The selected backend plus the CPU fallback: every call returns which backend produced the result, and a kernel
/// that fails on a device is logged, recorded in <see cref="FallbackEvents"/> and re-run on the CPU. After a failure
/// the device is not used again in this engine (the CPU serves every later call, each result saying so).
/// </summary>
public sealed class ComputeEngine : IDisposable
{
    private readonly IComputeBackend _primary;
    private readonly CpuBackend _cpu;
    private readonly ILogger<ComputeEngine> _logger;
    private readonly List<FallbackEvent> _events = [];
    private FallbackEvent? _disabledBy;

    /// <summary>Creates an engine over <paramref name="primary"/> with <paramref name="cpu"/> as fallback (they may be the same object).</summary>
    public ComputeEngine(IComputeBackend primary, CpuBackend cpu, ILogger<ComputeEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(logger);
        _primary = primary;
        _cpu = cpu;
        _logger = logger;
    }

    /// <summary>The selected backend.</summary>
    public IComputeBackend Primary => _primary;

    /// <summary>Every fallback so far, oldest first.</summary>
    public IReadOnlyList<FallbackEvent> FallbackEvents => _events;

    /// <summary>Pileup on the selected backend, or on the CPU after a failure.</summary>
    public ComputeResult<PileupCounts> Pileup(ReadBatch batch, PileupRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        return Run("pileup", b => b.Pileup(batch, request));
    }

    /// <summary>Coverage on the selected backend, or on the CPU after a failure.</summary>
    public ComputeResult<CoverageResult> Coverage(ReadBatch batch, CoverageRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.BinSize);
        return Run("coverage", b => b.Coverage(batch, request));
    }

    /// <summary>Junctions on the selected backend, or on the CPU after a failure.</summary>
    public ComputeResult<IReadOnlyList<JunctionCount>> Junctions(ReadBatch batch, JunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        return Run("junctions", b => b.Junctions(batch, request));
    }

    /// <summary>Feature counts on the selected backend, or on the CPU after a failure.</summary>
    public ComputeResult<FeatureCountResult> FeatureCounts(ReadBatch batch, FeatureIndex features, FeatureCountRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(request);
        return Run("featureCounts", b => b.FeatureCounts(batch, features, request));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _primary.Dispose();
        if (!ReferenceEquals(_primary, _cpu))
        {
            _cpu.Dispose();
        }
    }

    private ComputeResult<T> Run<T>(string kernel, Func<IComputeBackend, T> call)
    {
        if (ReferenceEquals(_primary, _cpu))
        {
            return new ComputeResult<T>(call(_cpu), _cpu.Kind, _cpu.DeviceName, null);
        }

        if (_disabledBy is null)
        {
            try
            {
                return new ComputeResult<T>(call(_primary), _primary.Kind, _primary.DeviceName, null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The request was checked above, so whatever the device throws (an ILGPU argument error on a device
                // limit included) is the device's failure: the CPU re-runs the call.
                var failure = new FallbackEvent(_primary.Kind, _primary.DeviceName, kernel, e.Message, DateTimeOffset.UtcNow);
                _events.Add(failure);
                _disabledBy = failure;
                _logger.LogWarning(e, "Kernel {Kernel} failed on {Backend} ({Device}); re-running it on the CPU backend, which serves the rest of the run",
                    kernel, _primary.Kind, _primary.DeviceName);
                return new ComputeResult<T>(call(_cpu), _cpu.Kind, _cpu.DeviceName, failure);
            }
        }

        var skipped = new FallbackEvent(_primary.Kind, _primary.DeviceName, kernel,
            $"{_primary.Kind} disabled after {_disabledBy.Kernel} failed: {_disabledBy.Reason}", DateTimeOffset.UtcNow);
        _events.Add(skipped);
        return new ComputeResult<T>(call(_cpu), _cpu.Kind, _cpu.DeviceName, skipped);
    }
}
