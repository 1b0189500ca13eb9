namespace CrbnVariantCaller.Compute.Cuda;

/// <summary>A CUDA driver API call returned an error.</summary>
public sealed class CudaException : Exception
{
    /// <summary>Creates the exception for <paramref name="status"/> (a CUresult) returned by <paramref name="function"/>.</summary>
    public CudaException(string function, int status, string errorName, string? detail = null)
        : base($"{function} failed with {errorName} ({status}){(detail is null ? "" : ": " + detail)}")
    {
        Function = function;
        Status = status;
        ErrorName = errorName;
    }

    /// <summary>The driver function that failed.</summary>
    public string Function { get; }

    /// <summary>The raw CUresult.</summary>
    public int Status { get; }

    /// <summary>The symbolic name from cuGetErrorName, e.g. <c>CUDA_ERROR_NO_DEVICE</c>.</summary>
    public string ErrorName { get; }
}
