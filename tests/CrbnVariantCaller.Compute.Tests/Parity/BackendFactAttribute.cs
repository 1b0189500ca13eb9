using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Cuda;
using CrbnVariantCaller.Compute.OpenCl;
using Xunit;

namespace CrbnVariantCaller.Compute.Tests.Parity;

/// <summary>A fact that runs only when a backend of <paramref name="kind"/> is usable here, and is skipped loudly with the reason otherwise.</summary>
public sealed class BackendFactAttribute : FactAttribute
{
    public BackendFactAttribute(BackendKind kind)
    {
        string? reason = kind switch
        {
            BackendKind.OpenCl => OpenClProblem(),
            BackendKind.Cuda => CudaProblem(),
            _ => null,
        };
        if (reason is not null)
        {
            Skip = $"SKIPPED LOUDLY: {kind} backend unavailable here: {reason}";
        }
    }

    /// <summary>Also require ../shared/corpus and samtools (skipped loudly without them).</summary>
    public bool RequiresCorpus
    {
        get => _requiresCorpus;
        set
        {
            _requiresCorpus = value;
            if (value && Skip is null && (!Directory.Exists(TestSupport.RepoPaths.Corpus) || !TestSupport.ExternalTool.IsOnPath("samtools")))
            {
                Skip = $"SKIPPED LOUDLY: needs the corpus at {TestSupport.RepoPaths.Corpus} and samtools on PATH";
            }
        }
    }

    private bool _requiresCorpus;

    private static string? OpenClProblem()
    {
        (IReadOnlyList<OpenClDeviceInfo> devices, string? problem) = OpenClDiscovery.Discover();
        return devices.Count > 0 ? null : problem ?? "no OpenCL device";
    }

    private static string? CudaProblem()
    {
        (IReadOnlyList<CudaDeviceInfo> devices, string? problem) = CudaDiscovery.Discover();
        return devices.Count > 0 && problem is null ? null : problem ?? "no CUDA device";
    }
}
