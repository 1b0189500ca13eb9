using System.Text.RegularExpressions;
using CrbnVariantCaller.Kernels;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Compute.Tests.Parity;

/// <summary>
/// Every kernel compiles to PTX for sm_80 and sm_90 with no GPU present (ILGPU's PTX backend needs no driver), each
/// into a module with exactly one visible entry point named after the kernel method.
/// </summary>
[Trait("Category", "Parity")]
public sealed partial class PtxCompilationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Architectures => new() { "SM_80", "SM_90" };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Every_kernel_compiles_to_ptx_with_one_entry(string architecture)
    {
        CudaArchitecture arch = architecture == "SM_90" ? CudaArchitecture.SM_90 : CudaArchitecture.SM_80;
        using var context = Context.Create(builder => builder.Default());
        using var backend = new PTXBackend(context, arch, CudaInstructionSet.ISA_80, null!);
        Assert.Equal(9, KernelCatalog.All.Count);
        foreach ((string name, System.Reflection.MethodInfo method) in KernelCatalog.All)
        {
            var compiled = (PTXCompiledKernel)backend.Compile(EntryPointDescription.FromImplicitlyGroupedKernel(method), KernelSpecialization.Empty);
            string ptx = compiled.PTXAssembly;
            string[] entries = EntryPattern().Matches(ptx).Select(m => m.Groups[1].Value).ToArray();
            Assert.True(entries.Length == 1, $"{name} ({architecture}): {entries.Length} .entry directives");
            Assert.Equal("Kernel_" + method.Name, entries[0]);
            Assert.Matches(@"\.target sm_\d+", ptx);
            Assert.Contains(".address_size 64", ptx, StringComparison.Ordinal);
            output.WriteLine($"{architecture} {name}: .entry {entries[0]}, {ptx.Length} chars, {TargetPattern().Match(ptx).Value}");
        }
    }

    [GeneratedRegex(@"\.visible \.entry (\w+)\(")]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"\.target sm_\d+")]
    private static partial Regex TargetPattern();
}
