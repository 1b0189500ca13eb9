using System.Text;

namespace CrbnVariantCaller.Compute.OpenCl;

/// <summary>Lists OpenCL platforms and devices.</summary>
public static unsafe class OpenClDiscovery
{
    /// <summary>Every device of every platform, or why none could be listed.</summary>
    public static (IReadOnlyList<OpenClDeviceInfo> Devices, string? Problem) Discover()
    {
        (OpenClApi? api, string? error) = OpenClApi.Instance;
        if (api is null)
        {
            return ([], error);
        }

        uint platformCount;
        int status = api.GetPlatformIDs(0, null, &platformCount);
        if (status != 0 || platformCount == 0)
        {
            return ([], status == 0
                ? "no OpenCL platform installed (no ICD file under /etc/OpenCL/vendors)"
                : $"clGetPlatformIDs: {OpenClErrorNames.Of(status)} ({status}); no usable ICD is installed");
        }

        nint* platforms = stackalloc nint[(int)platformCount];
        OpenClApi.Check(api.GetPlatformIDs(platformCount, platforms, null), "clGetPlatformIDs");
        var devices = new List<OpenClDeviceInfo>();
        var problems = new List<string>();
        for (int p = 0; p < platformCount; p++)
        {
            string platformName = PlatformString(api, platforms[p], OpenClApi.PlatformName);
            string platformVersion = PlatformString(api, platforms[p], OpenClApi.PlatformVersion);
            uint deviceCount;
            status = api.GetDeviceIDs(platforms[p], OpenClApi.DeviceTypeAll, 0, null, &deviceCount);
            if (status != 0 || deviceCount == 0)
            {
                problems.Add($"platform {platformName}: {(status == 0 ? "no devices" : OpenClErrorNames.Of(status))}");
                continue;
            }

            nint* ids = stackalloc nint[(int)deviceCount];
            OpenClApi.Check(api.GetDeviceIDs(platforms[p], OpenClApi.DeviceTypeAll, deviceCount, ids, null), "clGetDeviceIDs");
            for (int d = 0; d < deviceCount; d++)
            {
                ulong type = DeviceScalar<ulong>(api, ids[d], OpenClApi.DeviceType);
                devices.Add(new OpenClDeviceInfo(
                    p,
                    d,
                    platformName,
                    platformVersion,
                    DeviceString(api, ids[d], OpenClApi.DeviceName),
                    DeviceString(api, ids[d], OpenClApi.DeviceVendor),
                    DeviceString(api, ids[d], OpenClApi.DriverVersion),
                    (type & OpenClApi.DeviceTypeGpu) != 0,
                    (int)DeviceScalar<uint>(api, ids[d], OpenClApi.DeviceMaxComputeUnits),
                    (long)DeviceScalar<ulong>(api, ids[d], OpenClApi.DeviceGlobalMemSize))
                {
                    PlatformHandle = platforms[p],
                    DeviceHandle = ids[d],
                });
            }
        }

        return (devices, devices.Count == 0 ? string.Join("; ", problems) : null);
    }

    private static string PlatformString(OpenClApi api, nint platform, uint param)
    {
        nuint size;
        OpenClApi.Check(api.GetPlatformInfo(platform, param, 0, null, &size), "clGetPlatformInfo");
        byte[] buffer = new byte[(int)size];
        fixed (byte* b = buffer)
        {
            OpenClApi.Check(api.GetPlatformInfo(platform, param, size, b, null), "clGetPlatformInfo");
        }

        return Encoding.UTF8.GetString(buffer).TrimEnd('\0').Trim();
    }

    private static string DeviceString(OpenClApi api, nint device, uint param)
    {
        nuint size;
        OpenClApi.Check(api.GetDeviceInfo(device, param, 0, null, &size), "clGetDeviceInfo");
        byte[] buffer = new byte[(int)size];
        fixed (byte* b = buffer)
        {
            OpenClApi.Check(api.GetDeviceInfo(device, param, size, b, null), "clGetDeviceInfo");
        }

        return Encoding.UTF8.GetString(buffer).TrimEnd('\0').Trim();
    }

    private static T DeviceScalar<T>(OpenClApi api, nint device, uint param)
        where T : unmanaged
    {
        T value;
        OpenClApi.Check(api.GetDeviceInfo(device, param, (nuint)sizeof(T), &value, null), "clGetDeviceInfo");
        return value;
    }
}
