namespace CrbnVariantCaller.Compute.Backends;

/// <summary>How to pick and set up a backend (bind from configuration or the command line).</summary>
public sealed record ComputeOptions
{
    /// <summary>Reads sent to a device at once unless told otherwise: about 270 MB of device memory for 150 bp reads.</summary>
    public const int DefaultDeviceSliceReads = 1 << 20;

    /// <summary>The <c>--device</c> choice.</summary>
    public DeviceRequest Device { get; init; } = DeviceRequest.Auto;

    /// <summary>Workers of the CPU backend; 0 = one per core.</summary>
    public int CpuThreads { get; init; }

    /// <summary>The most reads an ILGPU accelerator holds at once (the device-memory bound; see kernels/README.md).</summary>
    public int DeviceSliceReads { get; init; } = DefaultDeviceSliceReads;

    /// <summary>Parses <c>auto|cpu|opencl|cuda|ilgpu-cpu</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static DeviceRequest ParseDevice(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => DeviceRequest.Auto,
        "cpu" => DeviceRequest.Cpu,
        "opencl" => DeviceRequest.OpenCl,
        "cuda" => DeviceRequest.Cuda,
        "ilgpu-cpu" => DeviceRequest.IlgpuCpu,
        _ => throw new ArgumentException($"unknown device '{text}'; expected auto, cpu, opencl, cuda or ilgpu-cpu", nameof(text)),
    };
}
