namespace CrbnVariantCaller.Compute.OpenCl;

/// <summary>One OpenCL device found by <see cref="OpenClDiscovery"/>.</summary>
/// <param name="PlatformIndex">Index of the platform in clGetPlatformIDs order.</param>
/// <param name="DeviceIndex">Index of the device within its platform.</param>
/// <param name="PlatformName">CL_PLATFORM_NAME.</param>
/// <param name="PlatformVersion">CL_PLATFORM_VERSION.</param>
/// <param name="Name">CL_DEVICE_NAME.</param>
/// <param name="Vendor">CL_DEVICE_VENDOR.</param>
/// <param name="DriverVersion">CL_DRIVER_VERSION.</param>
/// <param name="IsGpu">CL_DEVICE_TYPE includes GPU.</param>
/// <param name="ComputeUnits">CL_DEVICE_MAX_COMPUTE_UNITS.</param>
/// <param name="GlobalMemoryBytes">CL_DEVICE_GLOBAL_MEM_SIZE.</param>
public sealed record OpenClDeviceInfo(
    int PlatformIndex,
    int DeviceIndex,
    string PlatformName,
    string PlatformVersion,
    string Name,
    string Vendor,
    string DriverVersion,
    bool IsGpu,
    int ComputeUnits,
    long GlobalMemoryBytes)
{
    internal nint PlatformHandle { get; init; }

    internal nint DeviceHandle { get; init; }

    /// <summary>One line for <c>crbn devices</c>.</summary>
    public string Describe() =>
        $"{Name} ({(IsGpu ? "GPU" : "CPU/other")}, {ComputeUnits} compute units, {GlobalMemoryBytes / (1024 * 1024)} MiB) on {PlatformName} [{PlatformVersion}], driver {DriverVersion}";
}
