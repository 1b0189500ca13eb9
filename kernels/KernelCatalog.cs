using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace CrbnVariantCaller.Kernels;

/// <summary>Every kernel entry point, by the name logs, tests and the README use.</summary>
public static class KernelCatalog
{
    /// <summary>The kernels: overlap tweak, pileup, the four coverage steps, the two junction steps, feature assignment.</summary>
    public static IReadOnlyList<(string Name, MethodInfo Method)> All { get; } =
    [
        ("overlap_tweak", Method(typeof(OverlapKernels), nameof(OverlapKernels.Tweak))),
        ("pileup", Method(typeof(PileupKernels), nameof(PileupKernels.Pileup))),
        ("coverage_diff", Method(typeof(CoverageKernels), nameof(CoverageKernels.Difference))),
        ("chunk_sums", Method(typeof(CoverageKernels), nameof(CoverageKernels.ChunkSums))),
        ("chunk_scan", Method(typeof(CoverageKernels), nameof(CoverageKernels.ChunkScan))),
        ("bin_sums", Method(typeof(CoverageKernels), nameof(CoverageKernels.BinSums))),
        ("junction_count", Method(typeof(JunctionKernels), nameof(JunctionKernels.Count))),
        ("junction_emit", Method(typeof(JunctionKernels), nameof(JunctionKernels.Emit))),
        ("feature_assign", Method(typeof(FeatureKernels), nameof(FeatureKernels.Assign))),
    ];

    private static MethodInfo Method([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingMethodException(type.Name, name);
}
