namespace CrbnVariantCaller.Compute.Backends;

/// <summary>The kinds of compute backend.</summary>
public enum BackendKind
{
    /// <summary>The managed C# reference implementation.</summary>
    Cpu,

    /// <summary>OpenCL through <c>libOpenCL.so.1</c> (PoCL on CPUs, GPU vendor ICDs).</summary>
    OpenCl,

    /// <summary>CUDA driver API through <c>libcuda.so.1</c>, running PTX compiled from the same OpenCL C source.</summary>
    Cuda,
}
