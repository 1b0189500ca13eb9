namespace CrbnVariantCaller.Compute.Cuda;

/// <summary>One CUDA device.</summary>
/// <param name="Ordinal">Device ordinal.</param>
/// <param name="Name">cuDeviceGetName.</param>
/// <param name="ComputeCapability">Major.minor, e.g. "9.0".</param>
/// <param name="TotalMemoryBytes">cuDeviceTotalMem.</param>
/// <param name="DriverVersion">cuDriverGetVersion, e.g. 12040.</param>
public sealed record CudaDeviceInfo(int Ordinal, string Name, string ComputeCapability, long TotalMemoryBytes, int DriverVersion)
{
    /// <summary>One line for <c>crbn devices</c>.</summary>
    public string Describe() =>
        $"{Name} (sm_{ComputeCapability.Replace(".", "", StringComparison.Ordinal)}, {TotalMemoryBytes / (1024 * 1024)} MiB), driver API {DriverVersion / 1000}.{DriverVersion % 1000 / 10}";
}
