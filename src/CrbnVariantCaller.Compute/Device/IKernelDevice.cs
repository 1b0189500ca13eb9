using CrbnVariantCaller.Compute.Backends;

namespace CrbnVariantCaller.Compute.Device;

/// <summary>
/// The handful of operations the kernel orchestration needs from a device API (OpenCL or the CUDA driver API).
/// Calls are synchronous from the caller's point of view; native errors surface as typed exceptions.
/// </summary>
internal interface IKernelDevice : IDisposable
{
    /// <summary>The backend kind this device belongs to.</summary>
    BackendKind Kind { get; }

    /// <summary>The device, in words.</summary>
    string Name { get; }

    /// <summary>Allocates <paramref name="bytes"/> (at least 4) of zeroed device memory.</summary>
    DeviceBuffer AllocateZeroed(long bytes);

    /// <summary>Allocates device memory holding a copy of <paramref name="data"/>.</summary>
    DeviceBuffer Upload<T>(ReadOnlySpan<T> data)
        where T : unmanaged;

    /// <summary>Copies the start of <paramref name="buffer"/> into <paramref name="destination"/>.</summary>
    void Download<T>(DeviceBuffer buffer, Span<T> destination)
        where T : unmanaged;

    /// <summary>Copies <paramref name="bytes"/> from one buffer to another on the device.</summary>
    void Copy(DeviceBuffer source, DeviceBuffer destination, long bytes);

    /// <summary>Runs kernel <paramref name="kernel"/> over <paramref name="workItems"/> work-items (1-D) and waits for it.</summary>
    void Launch(string kernel, int workItems, params ReadOnlySpan<KernelArg> args);
}
