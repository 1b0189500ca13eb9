namespace CrbnVariantCaller.Compute.Backends;

/// <summary>The <c>--device</c> choice.</summary>
public enum DeviceRequest
{
    /// <summary>A GPU when one works (CUDA, then an OpenCL GPU), else the managed CPU backend with a logged warning.</summary>
    Auto,

    /// <summary>The managed CPU backend.</summary>
    Cpu,

    /// <summary>An OpenCL device (a GPU if present, else e.g. PoCL's CPU device); fails when none works.</summary>
    OpenCl,

    /// <summary>A CUDA device; fails when none works.</summary>
    Cuda,
}
