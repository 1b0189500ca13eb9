using System.Runtime.InteropServices;

namespace CrbnVariantCaller.Compute.OpenCl;

/// <summary>
/// The OpenCL entry points, bound at run time from <c>libOpenCL.so.1</c> (the ocl-icd loader) so that a machine
/// without it reports OpenCL as unavailable instead of throwing <see cref="DllNotFoundException"/>.
/// </summary>
internal sealed unsafe class OpenClApi
{
    public const uint PlatformName = 0x0902;
    public const uint PlatformVersion = 0x0901;
    public const uint PlatformVendor = 0x0903;
    public const ulong DeviceTypeAll = 0xFFFFFFFF;
    public const ulong DeviceTypeCpu = 1 << 1;
    public const ulong DeviceTypeGpu = 1 << 2;
    public const uint DeviceType = 0x1000;
    public const uint DeviceMaxComputeUnits = 0x1002;
    public const uint DeviceGlobalMemSize = 0x101F;
    public const uint DeviceName = 0x102B;
    public const uint DeviceVendor = 0x102C;
    public const uint DriverVersion = 0x102D;
    public const uint DeviceVersion = 0x102F;
    public const uint ProgramBinarySizes = 0x1165;
    public const uint ProgramBinaries = 0x1166;
    public const uint ProgramBuildLog = 0x1183;
    public const ulong MemReadWrite = 1;

    private static readonly Lazy<(OpenClApi? Api, string? Error)> Shared = new(Load);

    private OpenClApi(nint lib)
    {
        GetPlatformIDs = (delegate* unmanaged<uint, nint*, uint*, int>)Export(lib, "clGetPlatformIDs");
        GetPlatformInfo = (delegate* unmanaged<nint, uint, nuint, void*, nuint*, int>)Export(lib, "clGetPlatformInfo");
        GetDeviceIDs = (delegate* unmanaged<nint, ulong, uint, nint*, uint*, int>)Export(lib, "clGetDeviceIDs");
        GetDeviceInfo = (delegate* unmanaged<nint, uint, nuint, void*, nuint*, int>)Export(lib, "clGetDeviceInfo");
        CreateContext = (delegate* unmanaged<nint*, uint, nint*, nint, nint, int*, nint>)Export(lib, "clCreateContext");
        CreateCommandQueue = (delegate* unmanaged<nint, nint, ulong, int*, nint>)Export(lib, "clCreateCommandQueue");
        CreateProgramWithSource = (delegate* unmanaged<nint, uint, byte**, nuint*, int*, nint>)Export(lib, "clCreateProgramWithSource");
        CreateProgramWithBinary = (delegate* unmanaged<nint, uint, nint*, nuint*, byte**, int*, int*, nint>)Export(lib, "clCreateProgramWithBinary");
        BuildProgram = (delegate* unmanaged<nint, uint, nint*, byte*, nint, nint, int>)Export(lib, "clBuildProgram");
        GetProgramBuildInfo = (delegate* unmanaged<nint, nint, uint, nuint, void*, nuint*, int>)Export(lib, "clGetProgramBuildInfo");
        GetProgramInfo = (delegate* unmanaged<nint, uint, nuint, void*, nuint*, int>)Export(lib, "clGetProgramInfo");
        CreateKernel = (delegate* unmanaged<nint, byte*, int*, nint>)Export(lib, "clCreateKernel");
        SetKernelArg = (delegate* unmanaged<nint, uint, nuint, void*, int>)Export(lib, "clSetKernelArg");
        CreateBuffer = (delegate* unmanaged<nint, ulong, nuint, void*, int*, nint>)Export(lib, "clCreateBuffer");
        EnqueueWriteBuffer = (delegate* unmanaged<nint, nint, uint, nuint, nuint, void*, uint, nint*, nint*, int>)Export(lib, "clEnqueueWriteBuffer");
        EnqueueReadBuffer = (delegate* unmanaged<nint, nint, uint, nuint, nuint, void*, uint, nint*, nint*, int>)Export(lib, "clEnqueueReadBuffer");
        EnqueueCopyBuffer = (delegate* unmanaged<nint, nint, nint, nuint, nuint, nuint, uint, nint*, nint*, int>)Export(lib, "clEnqueueCopyBuffer");
        EnqueueFillBuffer = (delegate* unmanaged<nint, nint, void*, nuint, nuint, nuint, uint, nint*, nint*, int>)Export(lib, "clEnqueueFillBuffer");
        EnqueueNDRangeKernel = (delegate* unmanaged<nint, nint, uint, nuint*, nuint*, nuint*, uint, nint*, nint*, int>)Export(lib, "clEnqueueNDRangeKernel");
        Finish = (delegate* unmanaged<nint, int>)Export(lib, "clFinish");
        ReleaseMemObject = (delegate* unmanaged<nint, int>)Export(lib, "clReleaseMemObject");
        ReleaseKernel = (delegate* unmanaged<nint, int>)Export(lib, "clReleaseKernel");
        ReleaseProgram = (delegate* unmanaged<nint, int>)Export(lib, "clReleaseProgram");
        ReleaseCommandQueue = (delegate* unmanaged<nint, int>)Export(lib, "clReleaseCommandQueue");
        ReleaseContext = (delegate* unmanaged<nint, int>)Export(lib, "clReleaseContext");
    }

    public delegate* unmanaged<uint, nint*, uint*, int> GetPlatformIDs { get; }
    public delegate* unmanaged<nint, uint, nuint, void*, nuint*, int> GetPlatformInfo { get; }
    public delegate* unmanaged<nint, ulong, uint, nint*, uint*, int> GetDeviceIDs { get; }
    public delegate* unmanaged<nint, uint, nuint, void*, nuint*, int> GetDeviceInfo { get; }
    public delegate* unmanaged<nint*, uint, nint*, nint, nint, int*, nint> CreateContext { get; }
    public delegate* unmanaged<nint, nint, ulong, int*, nint> CreateCommandQueue { get; }
    public delegate* unmanaged<nint, uint, byte**, nuint*, int*, nint> CreateProgramWithSource { get; }
    public delegate* unmanaged<nint, uint, nint*, nuint*, byte**, int*, int*, nint> CreateProgramWithBinary { get; }
    public delegate* unmanaged<nint, uint, nint*, byte*, nint, nint, int> BuildProgram { get; }
    public delegate* unmanaged<nint, nint, uint, nuint, void*, nuint*, int> GetProgramBuildInfo { get; }
    public delegate* unmanaged<nint, uint, nuint, void*, nuint*, int> GetProgramInfo { get; }
    public delegate* unmanaged<nint, byte*, int*, nint> CreateKernel { get; }
    public delegate* unmanaged<nint, uint, nuint, void*, int> SetKernelArg { get; }
    public delegate* unmanaged<nint, ulong, nuint, void*, int*, nint> CreateBuffer { get; }
    public delegate* unmanaged<nint, nint, uint, nuint, nuint, void*, uint, nint*, nint*, int> EnqueueWriteBuffer { get; }
    public delegate* unmanaged<nint, nint, uint, nuint, nuint, void*, uint, nint*, nint*, int> EnqueueReadBuffer { get; }
    public delegate* unmanaged<nint, nint, nint, nuint, nuint, nuint, uint, nint*, nint*, int> EnqueueCopyBuffer { get; }
    public delegate* unmanaged<nint, nint, void*, nuint, nuint, nuint, uint, nint*, nint*, int> EnqueueFillBuffer { get; }
    public delegate* unmanaged<nint, nint, uint, nuint*, nuint*, nuint*, uint, nint*, nint*, int> EnqueueNDRangeKernel { get; }
    public delegate* unmanaged<nint, int> Finish { get; }
    public delegate* unmanaged<nint, int> ReleaseMemObject { get; }
    public delegate* unmanaged<nint, int> ReleaseKernel { get; }
    public delegate* unmanaged<nint, int> ReleaseProgram { get; }
    public delegate* unmanaged<nint, int> ReleaseCommandQueue { get; }
    public delegate* unmanaged<nint, int> ReleaseContext { get; }

    /// <summary>The loaded API, or why it could not be loaded.</summary>
    public static (OpenClApi? Api, string? Error) Instance => Shared.Value;

    /// <summary>Throws <see cref="OpenClException"/> unless <paramref name="status"/> is CL_SUCCESS.</summary>
    public static void Check(int status, string function, string? detail = null)
    {
        if (status != 0)
        {
            throw new OpenClException(function, status, detail);
        }
    }

    private static (OpenClApi?, string?) Load()
    {
        foreach (string name in new[] { "libOpenCL.so.1", "libOpenCL.so", "OpenCL" })
        {
            if (NativeLibrary.TryLoad(name, out nint lib))
            {
                try
                {
                    return (new OpenClApi(lib), null);
                }
                catch (EntryPointNotFoundException e)
                {
                    return (null, $"{name} lacks an OpenCL 1.2 entry point: {e.Message}");
                }
            }
        }

        return (null, "libOpenCL.so.1 not found (install ocl-icd-libopencl1 and an ICD such as pocl-opencl-icd)");
    }

    private static nint Export(nint lib, string name) => NativeLibrary.GetExport(lib, name);
}
