using System.Security.Cryptography;
using System.Text;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Device;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Compute.OpenCl;

/// <summary>
/// One OpenCL device with its context, in-order queue and the built kernel program. The program binary is cached
/// under the cache directory, keyed by the source hash and the device/driver identity.
/// </summary>
internal sealed unsafe class OpenClDevice : IKernelDevice
{
    private readonly OpenClApi _api;
    private readonly OpenClDeviceInfo _info;
    private readonly ILogger _logger;
    private readonly Dictionary<string, nint> _kernels = [];
    private nint _context;
    private nint _queue;
    private nint _program;

    public OpenClDevice(OpenClDeviceInfo info, string cacheDirectory, ILogger logger)
    {
        (OpenClApi? api, string? error) = OpenClApi.Instance;
        _api = api ?? throw new InvalidOperationException(error);
        _info = info;
        _logger = logger;
        try
        {
            int status;
            nint device = info.DeviceHandle;
            _context = _api.CreateContext(null, 1, &device, 0, 0, &status);
            OpenClApi.Check(status, "clCreateContext");
            _queue = _api.CreateCommandQueue(_context, device, 0, &status);
            OpenClApi.Check(status, "clCreateCommandQueue");
            _program = BuildProgram(cacheDirectory);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public BackendKind Kind => BackendKind.OpenCl;

    public string Name => $"{_info.Name} ({_info.PlatformName})";

    /// <summary>True when the program came from the binary cache.</summary>
    public bool ProgramFromCache { get; private set; }

    public DeviceBuffer AllocateZeroed(long bytes)
    {
        DeviceBuffer buffer = Create(bytes);
        int zero = 0;
        long size = Math.Max(bytes, 4);
        OpenClApi.Check(
            _api.EnqueueFillBuffer(_queue, buffer.Handle, &zero, 1, 0, (nuint)size, 0, null, null),
            "clEnqueueFillBuffer");
        return buffer;
    }

    public DeviceBuffer Upload<T>(ReadOnlySpan<T> data)
        where T : unmanaged
    {
        long bytes = (long)data.Length * sizeof(T);
        DeviceBuffer buffer = Create(bytes);
        if (bytes > 0)
        {
            fixed (T* p = data)
            {
                OpenClApi.Check(
                    _api.EnqueueWriteBuffer(_queue, buffer.Handle, 1, 0, (nuint)bytes, p, 0, null, null),
                    "clEnqueueWriteBuffer");
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

        fixed (T* p = destination)
        {
            OpenClApi.Check(
                _api.EnqueueReadBuffer(_queue, buffer.Handle, 1, 0, (nuint)bytes, p, 0, null, null),
                "clEnqueueReadBuffer");
        }
    }

    public void Copy(DeviceBuffer source, DeviceBuffer destination, long bytes)
    {
        if (bytes == 0)
        {
            return;
        }

        OpenClApi.Check(
            _api.EnqueueCopyBuffer(_queue, source.Handle, destination.Handle, 0, 0, (nuint)bytes, 0, null, null),
            "clEnqueueCopyBuffer");
    }

    public void Launch(string kernel, int workItems, params ReadOnlySpan<KernelArg> args)
    {
        if (workItems <= 0)
        {
            return;
        }

        nint k = Kernel(kernel);
        for (int i = 0; i < args.Length; i++)
        {
            KernelArg a = args[i];
            if (a.Buffer is { } buffer)
            {
                nint mem = buffer.Handle;
                OpenClApi.Check(_api.SetKernelArg(k, (uint)i, (nuint)sizeof(nint), &mem), "clSetKernelArg", $"{kernel} argument {i}");
            }
            else
            {
                int v = a.Value;
                OpenClApi.Check(_api.SetKernelArg(k, (uint)i, sizeof(int), &v), "clSetKernelArg", $"{kernel} argument {i}");
            }
        }

        const int local = 64;
        nuint global = (nuint)(((long)workItems + local - 1) / local * local);
        nuint localSize = local;
        OpenClApi.Check(_api.EnqueueNDRangeKernel(_queue, k, 1, null, &global, &localSize, 0, null, null), "clEnqueueNDRangeKernel", kernel);
        OpenClApi.Check(_api.Finish(_queue), "clFinish", kernel);
    }

    public void Dispose()
    {
        foreach (nint k in _kernels.Values)
        {
            _api.ReleaseKernel(k);
        }

        _kernels.Clear();
        if (_program != 0)
        {
            _api.ReleaseProgram(_program);
            _program = 0;
        }

        if (_queue != 0)
        {
            _api.ReleaseCommandQueue(_queue);
            _queue = 0;
        }

        if (_context != 0)
        {
            _api.ReleaseContext(_context);
            _context = 0;
        }
    }

    private DeviceBuffer Create(long bytes)
    {
        int status;
        nint mem = _api.CreateBuffer(_context, OpenClApi.MemReadWrite, (nuint)Math.Max(bytes, 4), null, &status);
        OpenClApi.Check(status, "clCreateBuffer", $"{bytes} bytes");
        return new DeviceBuffer(mem, bytes, b => _api.ReleaseMemObject(b.Handle));
    }

    private nint Kernel(string name)
    {
        if (_kernels.TryGetValue(name, out nint k))
        {
            return k;
        }

        byte[] utf8 = Encoding.ASCII.GetBytes(name + "\0");
        int status;
        fixed (byte* n = utf8)
        {
            k = _api.CreateKernel(_program, n, &status);
        }

        OpenClApi.Check(status, "clCreateKernel", name);
        _kernels[name] = k;
        return k;
    }

    private nint BuildProgram(string cacheDirectory)
    {
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
            "\n", KernelSource.OpenClHash, _info.PlatformName, _info.PlatformVersion, _info.Name, _info.Vendor, _info.DriverVersion))))[..32];
        string cacheFile = Path.Combine(cacheDirectory, $"opencl-{key}.bin");
        if (File.Exists(cacheFile))
        {
            nint cached = TryBuildFromBinary(File.ReadAllBytes(cacheFile));
            if (cached != 0)
            {
                ProgramFromCache = true;
                _logger.LogDebug("OpenCL program for {Device} loaded from cache {File}", _info.Name, cacheFile);
                return cached;
            }

            _logger.LogWarning("Cached OpenCL program {File} was rejected; rebuilding from source", cacheFile);
        }

        nint program = BuildFromSource();
        TryWriteCache(program, cacheFile);
        return program;
    }

    private nint BuildFromSource()
    {
        byte[] source = Encoding.UTF8.GetBytes(KernelSource.OpenClC);
        int status;
        nint program;
        fixed (byte* s = source)
        {
            byte* strings = s;
            nuint length = (nuint)source.Length;
            program = _api.CreateProgramWithSource(_context, 1, &strings, &length, &status);
        }

        OpenClApi.Check(status, "clCreateProgramWithSource");
        Build(program);
        return program;
    }

    private nint TryBuildFromBinary(byte[] binary)
    {
        nint device = _info.DeviceHandle;
        int status, binaryStatus;
        nint program;
        fixed (byte* b = binary)
        {
            byte* pointer = b;
            nuint length = (nuint)binary.Length;
            program = _api.CreateProgramWithBinary(_context, 1, &device, &length, &pointer, &binaryStatus, &status);
        }

        if (status != 0 || binaryStatus != 0)
        {
            if (program != 0)
            {
                _api.ReleaseProgram(program);
            }

            return 0;
        }

        try
        {
            Build(program);
            return program;
        }
        catch (OpenClException)
        {
            _api.ReleaseProgram(program);
            return 0;
        }
    }

    private void Build(nint program)
    {
        nint device = _info.DeviceHandle;
        byte[] options = Encoding.ASCII.GetBytes("-cl-std=CL1.2\0");
        int status;
        fixed (byte* o = options)
        {
            status = _api.BuildProgram(program, 1, &device, o, 0, 0);
        }

        if (status != 0)
        {
            string log = BuildLog(program);
            _api.ReleaseProgram(program);
            throw new OpenClException("clBuildProgram", status, log);
        }
    }

    private string BuildLog(nint program)
    {
        nuint size;
        if (_api.GetProgramBuildInfo(program, _info.DeviceHandle, OpenClApi.ProgramBuildLog, 0, null, &size) != 0 || size == 0)
        {
            return "(no build log)";
        }

        byte[] log = new byte[(int)size];
        fixed (byte* l = log)
        {
            _api.GetProgramBuildInfo(program, _info.DeviceHandle, OpenClApi.ProgramBuildLog, size, l, null);
        }

        return Encoding.UTF8.GetString(log).TrimEnd('\0');
    }

    private void TryWriteCache(nint program, string cacheFile)
    {
        try
        {
            nuint size;
            OpenClApi.Check(_api.GetProgramInfo(program, OpenClApi.ProgramBinarySizes, (nuint)sizeof(nuint), &size, null), "clGetProgramInfo");
            if (size == 0)
            {
                return;
            }

            byte[] binary = new byte[(int)size];
            fixed (byte* b = binary)
            {
                byte* pointer = b;
                OpenClApi.Check(_api.GetProgramInfo(program, OpenClApi.ProgramBinaries, (nuint)sizeof(nint), &pointer, null), "clGetProgramInfo");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(cacheFile)!);
            string temp = cacheFile + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temp, binary);
            File.Move(temp, cacheFile, overwrite: true);
            _logger.LogDebug("OpenCL program for {Device} cached at {File}", _info.Name, cacheFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OpenClException)
        {
            _logger.LogWarning("Could not cache the OpenCL program at {File}: {Reason}", cacheFile, e.Message);
        }
    }
}
