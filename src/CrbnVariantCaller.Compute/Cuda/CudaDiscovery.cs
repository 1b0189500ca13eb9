using System.Text;
using CrbnVariantCaller.Compute.Backends;

namespace CrbnVariantCaller.Compute.Cuda;

/// <summary>Lists CUDA devices through the driver API.</summary>
public static unsafe class CudaDiscovery
{
    private const int AttributeComputeCapabilityMajor = 75;
    private const int AttributeComputeCapabilityMinor = 76;

    /// <summary>Every CUDA device, or why CUDA is unusable (driver missing, no device, PTX not built).</summary>
    public static (IReadOnlyList<CudaDeviceInfo> Devices, string? Problem) Discover()
    {
        (CudaApi? api, string? error) = CudaApi.Instance;
        if (api is null)
        {
            return ([], error);
        }

        int status = api.Init(0);
        if (status != 0)
        {
            return ([], $"cuInit: {api.NameOf(status)} ({status})");
        }

        int version, count;
        api.Check(api.DriverGetVersion(&version), "cuDriverGetVersion");
        api.Check(api.DeviceGetCount(&count), "cuDeviceGetCount");
        if (count == 0)
        {
            return ([], "the NVIDIA driver reports no CUDA device");
        }

        var devices = new List<CudaDeviceInfo>();
        for (int i = 0; i < count; i++)
        {
            int device, major, minor;
            nuint memory;
            byte* name = stackalloc byte[256];
            api.Check(api.DeviceGet(&device, i), "cuDeviceGet");
            api.Check(api.DeviceGetName(name, 256, device), "cuDeviceGetName");
            api.Check(api.DeviceTotalMem(&memory, device), "cuDeviceTotalMem");
            api.Check(api.DeviceGetAttribute(&major, AttributeComputeCapabilityMajor, device), "cuDeviceGetAttribute");
            api.Check(api.DeviceGetAttribute(&minor, AttributeComputeCapabilityMinor, device), "cuDeviceGetAttribute");
            string text = Encoding.ASCII.GetString(new ReadOnlySpan<byte>(name, 256)).Split('\0')[0];
            devices.Add(new CudaDeviceInfo(device, text, $"{major}.{minor}", (long)memory, version));
        }

        string? problem = KernelSource.Ptx is null ? "PTX not built: clang-15/libclc-15 missing on the build machine" : null;
        return (devices, problem);
    }
}
