using System.Runtime.InteropServices;

namespace CrbnVariantCaller.Compute.Cuda;

/// <summary>
/// The CUDA driver API entry points, bound at run time from <c>libcuda.so.1</c> (also tried under
/// <c>/usr/local/nvidia/lib64/</c>); a missing driver makes CUDA "unavailable" instead of throwing.
/// </summary>
internal sealed unsafe class CudaApi
{
    private static readonly Lazy<(CudaApi? Api, string? Error)> Shared = new(Load);

    private CudaApi(nint lib)
    {
        Init = (delegate* unmanaged<uint, int>)NativeLibrary.GetExport(lib, "cuInit");
        DriverGetVersion = (delegate* unmanaged<int*, int>)NativeLibrary.GetExport(lib, "cuDriverGetVersion");
        DeviceGetCount = (delegate* unmanaged<int*, int>)NativeLibrary.GetExport(lib, "cuDeviceGetCount");
        DeviceGet = (delegate* unmanaged<int*, int, int>)NativeLibrary.GetExport(lib, "cuDeviceGet");
        DeviceGetName = (delegate* unmanaged<byte*, int, int, int>)NativeLibrary.GetExport(lib, "cuDeviceGetName");
        DeviceTotalMem = (delegate* unmanaged<nuint*, int, int>)NativeLibrary.GetExport(lib, "cuDeviceTotalMem_v2");
        DeviceGetAttribute = (delegate* unmanaged<int*, int, int, int>)NativeLibrary.GetExport(lib, "cuDeviceGetAttribute");
        PrimaryCtxRetain = (delegate* unmanaged<nint*, int, int>)NativeLibrary.GetExport(lib, "cuDevicePrimaryCtxRetain");
        PrimaryCtxRelease = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(lib, "cuDevicePrimaryCtxRelease_v2");
        CtxSetCurrent = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(lib, "cuCtxSetCurrent");
        CtxSynchronize = (delegate* unmanaged<int>)NativeLibrary.GetExport(lib, "cuCtxSynchronize");
        ModuleLoadDataEx = (delegate* unmanaged<nint*, void*, uint, int*, nint*, int>)NativeLibrary.GetExport(lib, "cuModuleLoadDataEx");
        ModuleUnload = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(lib, "cuModuleUnload");
        ModuleGetFunction = (delegate* unmanaged<nint*, nint, byte*, int>)NativeLibrary.GetExport(lib, "cuModuleGetFunction");
        MemAlloc = (delegate* unmanaged<ulong*, nuint, int>)NativeLibrary.GetExport(lib, "cuMemAlloc_v2");
        MemFree = (delegate* unmanaged<ulong, int>)NativeLibrary.GetExport(lib, "cuMemFree_v2");
        MemcpyHtoD = (delegate* unmanaged<ulong, void*, nuint, int>)NativeLibrary.GetExport(lib, "cuMemcpyHtoD_v2");
        MemcpyDtoH = (delegate* unmanaged<void*, ulong, nuint, int>)NativeLibrary.GetExport(lib, "cuMemcpyDtoH_v2");
        MemcpyDtoD = (delegate* unmanaged<ulong, ulong, nuint, int>)NativeLibrary.GetExport(lib, "cuMemcpyDtoD_v2");
        MemsetD8 = (delegate* unmanaged<ulong, byte, nuint, int>)NativeLibrary.GetExport(lib, "cuMemsetD8_v2");
        LaunchKernel = (delegate* unmanaged<nint, uint, uint, uint, uint, uint, uint, uint, nint, void**, void**, int>)NativeLibrary.GetExport(lib, "cuLaunchKernel");
        GetErrorName = (delegate* unmanaged<int, byte**, int>)NativeLibrary.GetExport(lib, "cuGetErrorName");
    }

    public delegate* unmanaged<uint, int> Init { get; }
    public delegate* unmanaged<int*, int> DriverGetVersion { get; }
    public delegate* unmanaged<int*, int> DeviceGetCount { get; }
    public delegate* unmanaged<int*, int, int> DeviceGet { get; }
    public delegate* unmanaged<byte*, int, int, int> DeviceGetName { get; }
    public delegate* unmanaged<nuint*, int, int> DeviceTotalMem { get; }
    public delegate* unmanaged<int*, int, int, int> DeviceGetAttribute { get; }
    public delegate* unmanaged<nint*, int, int> PrimaryCtxRetain { get; }
    public delegate* unmanaged<int, int> PrimaryCtxRelease { get; }
    public delegate* unmanaged<nint, int> CtxSetCurrent { get; }
    public delegate* unmanaged<int> CtxSynchronize { get; }
    public delegate* unmanaged<nint*, void*, uint, int*, nint*, int> ModuleLoadDataEx { get; }
    public delegate* unmanaged<nint, int> ModuleUnload { get; }
    public delegate* unmanaged<nint*, nint, byte*, int> ModuleGetFunction { get; }
    public delegate* unmanaged<ulong*, nuint, int> MemAlloc { get; }
    public delegate* unmanaged<ulong, int> MemFree { get; }
    public delegate* unmanaged<ulong, void*, nuint, int> MemcpyHtoD { get; }
    public delegate* unmanaged<void*, ulong, nuint, int> MemcpyDtoH { get; }
    public delegate* unmanaged<ulong, ulong, nuint, int> MemcpyDtoD { get; }
    public delegate* unmanaged<ulong, byte, nuint, int> MemsetD8 { get; }
    public delegate* unmanaged<nint, uint, uint, uint, uint, uint, uint, uint, nint, void**, void**, int> LaunchKernel { get; }
    public delegate* unmanaged<int, byte**, int> GetErrorName { get; }

    /// <summary>The loaded API, or why it could not be loaded.</summary>
    public static (CudaApi? Api, string? Error) Instance => Shared.Value;

    /// <summary>Throws <see cref="CudaException"/> unless <paramref name="status"/> is CUDA_SUCCESS.</summary>
    public void Check(int status, string function, string? detail = null)
    {
        if (status != 0)
        {
            throw new CudaException(function, status, NameOf(status), detail);
        }
    }

    /// <summary>cuGetErrorName of a CUresult.</summary>
    public string NameOf(int status)
    {
        byte* name = null;
        return GetErrorName(status, &name) == 0 && name != null
            ? Marshal.PtrToStringAnsi((nint)name) ?? $"CUDA_ERROR({status})"
            : $"CUDA_ERROR({status})";
    }

    private static (CudaApi?, string?) Load()
    {
        foreach (string name in new[] { "libcuda.so.1", "/usr/local/nvidia/lib64/libcuda.so.1", "libcuda.so" })
        {
            if (NativeLibrary.TryLoad(name, out nint lib))
            {
                try
                {
                    return (new CudaApi(lib), null);
                }
                catch (EntryPointNotFoundException e)
                {
                    return (null, $"{name} is too old for this program: {e.Message}");
                }
            }
        }

        return (null, "NVIDIA driver library libcuda.so.1 not found (also looked in /usr/local/nvidia/lib64/)");
    }
}
