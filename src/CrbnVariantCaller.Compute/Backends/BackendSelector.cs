using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.Compute.Cuda;
using CrbnVariantCaller.Compute.Device;
using CrbnVariantCaller.Compute.OpenCl;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Compute.Backends;

/// <summary>
/// Implements <c>--device auto|cpu|opencl|cuda</c> and <c>crbn devices</c>. <c>auto</c> prefers CUDA, then an OpenCL
/// GPU, and otherwise uses the managed CPU backend with a logged warning (an OpenCL CPU device such as PoCL is never
/// chosen by <c>auto</c>: it is slower than the managed backend; ask for it with <c>--device opencl</c>).
/// </summary>
public sealed class BackendSelector
{
    /// <summary>
    /// Native runtimes (the ocl-icd loader, PoCL, libcuda) are discovered and initialised one caller at a time: two
    /// engines created at once from different threads crashed the process inside the OpenCL loader.
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
            return ListDevicesLocked();
        }
    }

    private DeviceReport ListDevicesLocked()
    {
        var entries = new List<DeviceEntry> { new(BackendKind.Cpu, new CpuBackend().DeviceName, false, true, null) };
        (IReadOnlyList<CudaDeviceInfo> cuda, string? cudaProblem) = SafeCuda();
        if (cuda.Count == 0)
        {
            entries.Add(new DeviceEntry(BackendKind.Cuda, "CUDA", true, false, cudaProblem));
        }

        entries.AddRange(cuda.Select(d => new DeviceEntry(BackendKind.Cuda, d.Describe(), true, cudaProblem is null, cudaProblem)));
        (IReadOnlyList<OpenClDeviceInfo> cl, string? clProblem) = SafeOpenCl();
        if (cl.Count == 0)
        {
            entries.Add(new DeviceEntry(BackendKind.OpenCl, "OpenCL", false, false, clProblem));
        }

        entries.AddRange(cl.Select(d => new DeviceEntry(BackendKind.OpenCl, d.Describe(), d.IsGpu, true, null)));
        BackendKind auto = cuda.Count > 0 && cudaProblem is null ? BackendKind.Cuda
            : cl.Any(d => d.IsGpu) ? BackendKind.OpenCl
            : BackendKind.Cpu;
        return new DeviceReport(entries, auto);
    }

    /// <summary>Creates the engine for <paramref name="options"/>.</summary>
    /// <exception cref="ComputeUnavailableException">OpenCL or CUDA was asked for explicitly and cannot be used.</exception>
    public ComputeEngine Select(ComputeOptions options)
    {
        lock (NativeInitLock)
        {
            return SelectLocked(options);
        }
    }

    private ComputeEngine SelectLocked(ComputeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cpu = new CpuBackend(options.CpuThreads);
        IComputeBackend primary = options.Device switch
        {
            DeviceRequest.Cpu => cpu,
            DeviceRequest.OpenCl => CreateOpenCl(options, gpuOnly: false),
            DeviceRequest.Cuda => CreateCuda(),
            _ => SelectAuto(options, cpu),
        };
        _logger.LogInformation("Compute backend: {Backend} on {Device}", primary.Kind, primary.DeviceName);
        return new ComputeEngine(primary, cpu, _loggers.CreateLogger<ComputeEngine>());
    }

    private IComputeBackend SelectAuto(ComputeOptions options, CpuBackend cpu)
    {
        var reasons = new List<string>();
        try
        {
            return CreateCuda();
        }
        catch (ComputeUnavailableException e)
        {
            reasons.Add("CUDA: " + e.Reason);
        }

        try
        {
            return CreateOpenCl(options, gpuOnly: true);
        }
        catch (ComputeUnavailableException e)
        {
            reasons.Add("OpenCL: " + e.Reason);
        }

        _logger.LogWarning("No GPU backend is usable ({Reasons}); using the managed CPU backend", string.Join("; ", reasons));
        return cpu;
    }

    private IComputeBackend CreateCuda()
    {
        (IReadOnlyList<CudaDeviceInfo> devices, string? problem) = SafeCuda();
        if (devices.Count == 0 || problem is not null)
        {
            throw new ComputeUnavailableException(BackendKind.Cuda, problem ?? "no CUDA device");
        }

        try
        {
            return new DeviceBackend(new CudaDevice(devices[0]));
        }
        catch (Exception e) when (e is CudaException or InvalidOperationException)
        {
            throw new ComputeUnavailableException(BackendKind.Cuda, e.Message, e);
        }
    }

    private IComputeBackend CreateOpenCl(ComputeOptions options, bool gpuOnly)
    {
        (IReadOnlyList<OpenClDeviceInfo> devices, string? problem) = SafeOpenCl();
        OpenClDeviceInfo? chosen = devices.FirstOrDefault(d => d.IsGpu) ?? (gpuOnly ? null : devices.FirstOrDefault());
        if (chosen is null)
        {
            throw new ComputeUnavailableException(BackendKind.OpenCl,
                problem ?? (gpuOnly ? $"no OpenCL GPU (found: {string.Join(", ", devices.Select(d => d.Name))})" : "no OpenCL device"));
        }

        try
        {
            return new DeviceBackend(new OpenClDevice(chosen, options.CacheDirectory, _loggers.CreateLogger<OpenClDevice>()));
        }
        catch (Exception e) when (e is OpenClException or InvalidOperationException)
        {
            throw new ComputeUnavailableException(BackendKind.OpenCl, e.Message, e);
        }
    }

    private static (IReadOnlyList<CudaDeviceInfo>, string?) SafeCuda()
    {
        try
        {
            return CudaDiscovery.Discover();
        }
        catch (CudaException e)
        {
            return ([], e.Message);
        }
    }

    private static (IReadOnlyList<OpenClDeviceInfo>, string?) SafeOpenCl()
    {
        try
        {
            return OpenClDiscovery.Discover();
        }
        catch (OpenClException e)
        {
            return ([], e.Message);
        }
    }
}
