using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Ilgpu;
using ILGPU;
using Xunit;

namespace CrbnVariantCaller.Compute.Tests.Parity;

/// <summary>A fact that runs only when an ILGPU accelerator of <paramref name="kind"/> is usable here, and is skipped loudly with the reason otherwise.</summary>
public sealed class BackendFactAttribute : FactAttribute
{
    public BackendFactAttribute(BackendKind kind)
    {
        string? reason = kind == BackendKind.Cpu ? null : Problem(kind);
        if (reason is not null)
        {
            Skip = $"SKIPPED LOUDLY: {kind.OptionName()} backend unavailable here: {reason}";
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

    private static string? Problem(BackendKind kind)
    {
        using Context context = IlgpuDevices.CreateContext();
        return IlgpuDevices.List(context).Any(d => d.Kind == kind && (kind != BackendKind.OpenCl || d.IsGpu)) ? null : IlgpuDevices.WhyNo(kind);
    }
}
