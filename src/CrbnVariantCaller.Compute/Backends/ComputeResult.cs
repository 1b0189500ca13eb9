namespace CrbnVariantCaller.Compute.Backends;

/// <summary>A kernel result with the backend that actually produced it (for every report).</summary>
/// <typeparam name="T">The result type.</typeparam>
/// <param name="Value">The result.</param>
/// <param name="Backend">The backend that produced it.</param>
/// <param name="Device">Its device, in words.</param>
/// <param name="Fallback">Set when the selected backend failed and the CPU produced the result.</param>
public sealed record ComputeResult<T>(T Value, BackendKind Backend, string Device, FallbackEvent? Fallback);
