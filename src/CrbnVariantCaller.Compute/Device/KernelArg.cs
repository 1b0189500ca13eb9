namespace CrbnVariantCaller.Compute.Device;

/// <summary>One kernel argument: a device buffer or a 32-bit integer.</summary>
internal readonly struct KernelArg
{
    private KernelArg(DeviceBuffer? buffer, int value)
    {
        Buffer = buffer;
        Value = value;
    }

    /// <summary>The buffer, or null for an integer argument.</summary>
    public DeviceBuffer? Buffer { get; }

    /// <summary>The integer value when <see cref="Buffer"/> is null.</summary>
    public int Value { get; }

    public static implicit operator KernelArg(DeviceBuffer buffer) => new(buffer, 0);

    public static implicit operator KernelArg(int value) => new(null, value);

    public static implicit operator KernelArg(bool value) => new(null, value ? 1 : 0);
}
