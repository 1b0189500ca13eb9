using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.Compute.Ilgpu;
using ILGPU;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Compute.Backends;

/// <summary>
/// Implements <c>--device auto|cpu|opencl|cuda|ilgpu-cpu</c> and <c>crbn devices</c>. <c>auto</c> prefers CUDA, then an
/// ILGPU OpenCL GPU, and otherwise uses the managed CPU backend with a logged warning. ILGPU's CPU accelerator is never
/// chosen by <c>auto</c>: it runs the GPU kernels 6–33× slower than the managed loops here (kernels/README.md) and exists for parity checks.
/// </summary>
public sealed class BackendSelector
{
    /// <summary>
    /// Native runtimes (libcuda, the OpenCL loader) are discovered and initialised one caller at a time: two engines
    /// created at once from different threads crashed the process inside the OpenCL loader.
    /// </summary>
    private static readonly Lock NativeInitLock = new();

    private readonly ILoggerFactory _loggers;
    private readonly ILogger<BackendSelector> _logger;

    /// <summary>Creates a selector.</summary>
    public BackendSelector(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _loggers = loggerFactory;
        _logger = loggerFactory.CreateLogger<BackendSelector>();
    }

    /// <summary>Every backend and device found, and why any is unavailable.</summary>
    public DeviceReport ListDevices()
    {
        lock (NativeInitLock)
        {
            var entries = new List<DeviceEntry> { new(BackendKind.Cpu, new CpuBackend().DeviceName, false, true, null) };
            IReadOnlyList<IlgpuDevice> devices;
            string? problem = null;
            try
            {
                using Context context = IlgpuDevices.CreateContext();
                devices = IlgpuDevices.List(context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                devices = [];
                problem = "ILGPU could not start: " + e.Message;
            }

            foreach (BackendKind kind in new[] { BackendKind.Cuda, BackendKind.OpenCl, BackendKind.IlgpuCpu })
            {
                IlgpuDevice[] ofKind = devices.Where(d => d.Kind == kind).ToArray();
                if (ofKind.Length == 0)
                {
                    entries.Add(new DeviceEntry(kind, kind.OptionName(), kind != BackendKind.IlgpuCpu, false, problem ?? IlgpuDevices.WhyNo(kind)));
                }

                entries.AddRange(ofKind.Select(d => new DeviceEntry(kind, d.Name, d.IsGpu, true, null)));
            }

            BackendKind auto = devices.Any(d => d.Kind == BackendKind.Cuda) ? BackendKind.Cuda
                : devices.Any(d => d.Kind == BackendKind.OpenCl && d.IsGpu) ? BackendKind.OpenCl
                : BackendKind.Cpu;
            return new DeviceReport(entries, auto);
        }
    }

    /// <summary>Creates the engine for <paramref name="options"/>.</summary>
    /// <exception cref="ComputeUnavailableException">A device was asked for explicitly and cannot be used.</exception>
    public ComputeEngine Select(ComputeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (NativeInitLock)
        {
            var cpu = new CpuBackend(options.CpuThreads);
            IComputeBackend primary = options.Device switch
            {
                DeviceRequest.Cpu => cpu,
                DeviceRequest.Auto => SelectAuto(options, cpu),
                DeviceRequest.Cuda => Create(BackendKind.Cuda, options),
                DeviceRequest.OpenCl => Create(BackendKind.OpenCl, options),
                _ => Create(BackendKind.IlgpuCpu, options),
            };
            _logger.LogInformation("Compute backend: {Backend} on {Device}", primary.Kind.OptionName(), primary.DeviceName);
            return new ComputeEngine(primary, cpu, _loggers.CreateLogger<ComputeEngine>());
        }
    }

    private IComputeBackend SelectAuto(ComputeOptions options, CpuBackend cpu)
    {
        var reasons = new List<string>();
        foreach (BackendKind kind in new[] { BackendKind.Cuda, BackendKind.OpenCl })
        {
            try
            {
                return Create(kind, options);
            }
            catch (ComputeUnavailableException e)
            {
                reasons.Add($"{kind.OptionName()}: {e.Reason}");
            }
        }

        _logger.LogWarning("No GPU backend is usable ({Reasons}); using the managed CPU backend", string.Join("; ", reasons));
        return cpu;
    }

    /// <summary>A backend on the first usable device of <paramref name="kind"/> (a GPU for OpenCL).</summary>
    private static IlgpuBackend Create(BackendKind kind, ComputeOptions options)
    {
        Context? context = null;
        try
        {
            context = IlgpuDevices.CreateContext();
            IlgpuDevice? device = IlgpuDevices.List(context).FirstOrDefault(d => d.Kind == kind && (kind != BackendKind.OpenCl || d.IsGpu));
            if (device is null)
            {
                throw new ComputeUnavailableException(kind, IlgpuDevices.WhyNo(kind));
            }

            IlgpuBackend backend = IlgpuDevices.CreateBackend(context, device, options.DeviceSliceReads);
            context = null; // owned by the backend now
            return backend;
        }
        catch (Exception e) when (e is not (ComputeUnavailableException or OutOfMemoryException))
        {
            throw new ComputeUnavailableException(kind, e.Message, e);
        }
        finally
        {
            context?.Dispose();
        }
    }
}
