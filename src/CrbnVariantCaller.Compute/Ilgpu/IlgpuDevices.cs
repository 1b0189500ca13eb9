using System.Runtime.InteropServices;
using CrbnVariantCaller.Compute.Backends;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.OpenCL;

namespace CrbnVariantCaller.Compute.Ilgpu;

/// <summary>One accelerator ILGPU can drive, in words, and whether the kernels can use it.</summary>
/// <param name="Kind">CUDA, OpenCL or the CPU accelerator.</param>
/// <param name="Index">Its index among the context's devices of that kind.</param>
/// <param name="Name">Name and memory.</param>
/// <param name="IsGpu">Whether it is a GPU.</param>
internal sealed record IlgpuDevice(BackendKind Kind, int Index, string Name, bool IsGpu);

/// <summary>
/// Finds ILGPU's accelerators and creates backends on them. ILGPU lists a CUDA device only when the NVIDIA driver
/// (<c>libcuda.so.1</c>) is present, and an OpenCL device only when it offers OpenCL 2.0+ with the generic address
/// space (so PoCL's CPU device is never listed); when a kind is missing, <see cref="WhyNo"/> says why.
/// </summary>
internal static class IlgpuDevices
{
    /// <summary>A context over every accelerator kind.</summary>
    public static Context CreateContext() => Context.Create(builder => builder.Default());

    /// <summary>The devices of <paramref name="context"/>.</summary>
    public static IReadOnlyList<IlgpuDevice> List(Context context)
    {
        var found = new List<IlgpuDevice>();
        int cuda = 0, cl = 0, cpu = 0;
        foreach (Device device in context)
        {
            switch (device.AcceleratorType)
            {
                case AcceleratorType.Cuda:
                    found.Add(new IlgpuDevice(BackendKind.Cuda, cuda++, Describe(device), true));
                    break;
                case AcceleratorType.OpenCL:
                    bool gpu = device is CLDevice c && c.DeviceType.ToString().Contains("GPU", StringComparison.OrdinalIgnoreCase);
                    found.Add(new IlgpuDevice(BackendKind.OpenCl, cl++, Describe(device), gpu));
                    break;
                case AcceleratorType.CPU:
                    found.Add(new IlgpuDevice(BackendKind.IlgpuCpu, cpu++, "ILGPU CPU accelerator (parity checks only)", false));
                    break;
            }
        }

        return found;
    }

    /// <summary>Why <paramref name="kind"/> has no usable device here.</summary>
    public static string WhyNo(BackendKind kind) => kind switch
    {
        BackendKind.Cuda => HasLibrary("libcuda.so.1", "/usr/local/nvidia/lib64/libcuda.so.1")
            ? "the NVIDIA driver is present but ILGPU found no CUDA device"
            : "NVIDIA driver library libcuda.so.1 not found",
        BackendKind.OpenCl => HasLibrary("libOpenCL.so.1")
            ? "no OpenCL 2.0+ GPU with the generic address space (ILGPU needs it; PoCL's CPU device does not qualify)"
            : "OpenCL loader libOpenCL.so.1 not found",
        _ => "no such device",
    };

    /// <summary>Creates a backend on <paramref name="device"/>; the backend owns <paramref name="context"/>.</summary>
    public static IlgpuBackend CreateBackend(Context context, IlgpuDevice device, int maxReadsPerSlice)
    {
        Accelerator accelerator = device.Kind switch
        {
            BackendKind.IlgpuCpu => context.CreateCPUAccelerator(device.Index, CPUAcceleratorMode.Parallel),
            _ => context.Devices.Where(d => d.AcceleratorType == TypeOf(device.Kind)).ElementAt(device.Index).CreateAccelerator(context),
        };
        return new IlgpuBackend(context, accelerator, device.Kind, device.Name, maxReadsPerSlice);
    }

    private static AcceleratorType TypeOf(BackendKind kind) => kind switch
    {
        BackendKind.Cuda => AcceleratorType.Cuda,
        BackendKind.OpenCl => AcceleratorType.OpenCL,
        _ => AcceleratorType.CPU,
    };

    private static string Describe(Device device) =>
        device.MemorySize > 0 ? $"{device.Name} ({device.MemorySize / (1024 * 1024)} MiB)" : device.Name;

    private static bool HasLibrary(params string[] names)
    {
        foreach (string name in names)
        {
            if (NativeLibrary.TryLoad(name, out IntPtr handle))
            {
                NativeLibrary.Free(handle);
                return true;
            }
        }

        return false;
    }
}
