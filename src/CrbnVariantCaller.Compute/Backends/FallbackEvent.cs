namespace CrbnVariantCaller.Compute.Backends;

/// <summary>A kernel that failed on a device and was re-run on the CPU backend.</summary>
/// <param name="From">The backend that failed.</param>
/// <param name="Device">Its device.</param>
/// <param name="Kernel">Which kernel call (pileup, coverage, junctions, featureCounts).</param>
/// <param name="Reason">The error message.</param>
/// <param name="At">When it happened.</param>
public sealed record FallbackEvent(BackendKind From, string Device, string Kernel, string Reason, DateTimeOffset At);
