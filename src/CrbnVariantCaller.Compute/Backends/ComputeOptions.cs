namespace CrbnVariantCaller.Compute.Backends;

/// <summary>How to pick and set up a backend (bind from configuration or the command line).</summary>
public sealed record ComputeOptions
{
    /// <summary>The <c>--device</c> choice.</summary>
    public DeviceRequest Device { get; init; } = DeviceRequest.Auto;

    /// <summary>Folder for cached OpenCL program binaries.</summary>
    public string CacheDirectory { get; init; } = KernelSource.DefaultCacheDirectory;

    /// <summary>Workers of the CPU backend; 0 = one per core.</summary>
    public int CpuThreads { get; init; }

    /// <summary>Parses <c>auto|cpu|opencl|cuda</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static DeviceRequest ParseDevice(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => DeviceRequest.Auto,
        "cpu" => DeviceRequest.Cpu,
        "opencl" => DeviceRequest.OpenCl,
        "cuda" => DeviceRequest.Cuda,
        _ => throw new ArgumentException($"unknown device '{text}'; expected auto, cpu, opencl or cuda", nameof(text)),
    };
}
