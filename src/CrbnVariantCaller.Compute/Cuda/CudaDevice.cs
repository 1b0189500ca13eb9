using System.Text;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Device;

namespace CrbnVariantCaller.Compute.Cuda;

/// <summary>
/// One CUDA device through the driver API: the primary context, the module JIT-loaded from the embedded PTX
/// (sm_80 PTX runs forward on newer GPUs), device memory and kernel launches (256 threads per block).
/// </summary>
internal sealed unsafe class CudaDevice : IKernelDevice
{
    private const uint BlockSize = 256;
    private readonly CudaApi _api;
    private readonly CudaDeviceInfo _info;
    private readonly Dictionary<string, nint> _functions = [];
    private nint _context;
    private nint _module;

    public CudaDevice(CudaDeviceInfo info)
    {
        (CudaApi? api, string? error) = CudaApi.Instance;
        _api = api ?? throw new InvalidOperationException(error);
        byte[] ptx = KernelSource.Ptx ?? throw new InvalidOperationException("PTX not built: clang-15/libclc-15 missing on the build machine");
        _info = info;
        _api.Check(_api.Init(0), "cuInit");
        nint context;
        _api.Check(_api.PrimaryCtxRetain(&context, info.Ordinal), "cuDevicePrimaryCtxRetain");
        _context = context;
        try
        {
            _api.Check(_api.CtxSetCurrent(_context), "cuCtxSetCurrent");
            nint module;
            fixed (byte* image = ptx)
            {
                _api.Check(_api.ModuleLoadDataEx(&module, image, 0, null, null), "cuModuleLoadDataEx", "JIT of the embedded PTX");
            }

            _module = module;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public BackendKind Kind => BackendKind.Cuda;

    public string Name => $"{_info.Name} (CUDA {_info.ComputeCapability})";

    public DeviceBuffer AllocateZeroed(long bytes)
    {
        DeviceBuffer buffer = Allocate(bytes);
        _api.Check(_api.MemsetD8((ulong)buffer.Handle, 0, (nuint)Math.Max(bytes, 4)), "cuMemsetD8");
        return buffer;
    }

    public DeviceBuffer Upload<T>(ReadOnlySpan<T> data)
        where T : unmanaged
    {
        long bytes = (long)data.Length * sizeof(T);
        DeviceBuffer buffer = Allocate(bytes);
        if (bytes > 0)
        {
            fixed (T* p = data)
            {
                _api.Check(_api.MemcpyHtoD((ulong)buffer.Handle, p, (nuint)bytes), "cuMemcpyHtoD");
            }
        }

        return buffer;
    }

    public void Download<T>(DeviceBuffer buffer, Span<T> destination)
        where T : unmanaged
    {
        long bytes = (long)destination.Length * sizeof(T);
        if (bytes == 0)
        {
            return;
        }

        Bind();
        fixed (T* p = destination)
        {
            _api.Check(_api.MemcpyDtoH(p, (ulong)buffer.Handle, (nuint)bytes), "cuMemcpyDtoH");
        }
    }

    public void Copy(DeviceBuffer source, DeviceBuffer destination, long bytes)
    {
        if (bytes > 0)
        {
            Bind();
            _api.Check(_api.MemcpyDtoD((ulong)destination.Handle, (ulong)source.Handle, (nuint)bytes), "cuMemcpyDtoD");
        }
    }

    public void Launch(string kernel, int workItems, params ReadOnlySpan<KernelArg> args)
    {
        if (workItems <= 0)
        {
            return;
        }

        Bind();
        nint function = Function(kernel);
        ulong* values = stackalloc ulong[args.Length];
        void** parameters = stackalloc void*[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            KernelArg a = args[i];
            if (a.Buffer is { } buffer)
            {
                values[i] = (ulong)buffer.Handle;
            }
            else
            {
                *(int*)&values[i] = a.Value;
            }

            parameters[i] = &values[i];
        }

        uint grid = (uint)(((long)workItems + BlockSize - 1) / BlockSize);
        _api.Check(_api.LaunchKernel(function, grid, 1, 1, BlockSize, 1, 1, 0, 0, parameters, null), "cuLaunchKernel", kernel);
        _api.Check(_api.CtxSynchronize(), "cuCtxSynchronize", kernel);
    }

    public void Dispose()
    {
        if (_module != 0)
        {
            _api.ModuleUnload(_module);
            _module = 0;
        }

        if (_context != 0)
        {
            _api.PrimaryCtxRelease(_info.Ordinal);
            _context = 0;
        }
    }

    private void Bind() => _api.Check(_api.CtxSetCurrent(_context), "cuCtxSetCurrent");

    private DeviceBuffer Allocate(long bytes)
    {
        Bind();
        ulong pointer;
        _api.Check(_api.MemAlloc(&pointer, (nuint)Math.Max(bytes, 4)), "cuMemAlloc", $"{bytes} bytes");
        return new DeviceBuffer((nint)pointer, bytes, b => _api.MemFree((ulong)b.Handle));
    }

    private nint Function(string name)
    {
        if (_functions.TryGetValue(name, out nint f))
        {
            return f;
        }

        byte[] utf8 = Encoding.ASCII.GetBytes(name + "\0");
        fixed (byte* n = utf8)
        {
            _api.Check(_api.ModuleGetFunction(&f, _module, n), "cuModuleGetFunction", name);
        }

        _functions[name] = f;
        return f;
    }
}
