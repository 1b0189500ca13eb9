namespace CrbnVariantCaller.Compute.Device;

/// <summary>A block of device memory owned by an <see cref="IKernelDevice"/>; disposing it frees the memory.</summary>
internal sealed class DeviceBuffer : IDisposable
{
    private readonly Action<DeviceBuffer> _release;
    private bool _disposed;

    public DeviceBuffer(nint handle, long bytes, Action<DeviceBuffer> release)
    {
        Handle = handle;
        Bytes = bytes;
        _release = release;
    }

    /// <summary>cl_mem, or a CUdeviceptr stored in a native int.</summary>
    public nint Handle { get; }

    /// <summary>Size in bytes.</summary>
    public long Bytes { get; }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _release(this);
        }
    }
}
