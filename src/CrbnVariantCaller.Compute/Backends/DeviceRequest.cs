namespace CrbnVariantCaller.Compute.Backends;

/// <summary>The <c>--device</c> choice.</summary>
public enum DeviceRequest
{
    /// <summary>A GPU when one works (CUDA, then an ILGPU OpenCL GPU), else the managed CPU backend with a logged warning.</summary>
    Auto,

    /// <summary>The managed CPU backend.</summary>
    Cpu,

    /// <summary>An ILGPU OpenCL GPU (OpenCL 2.0+ with the generic address space); fails when none works.</summary>
    OpenCl,

    /// <summary>A CUDA device through ILGPU; fails when none works.</summary>
    Cuda,

    /// <summary>ILGPU's CPU accelerator (parity checks; far slower than <see cref="Cpu"/>).</summary>
    IlgpuCpu,
}
