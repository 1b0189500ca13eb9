namespace CrbnVariantCaller.Compute.OpenCl;

/// <summary>An OpenCL call returned an error status.</summary>
public sealed class OpenClException : Exception
{
    /// <summary>Creates the exception for <paramref name="status"/> returned by <paramref name="function"/>.</summary>
    public OpenClException(string function, int status, string? detail = null)
        : base($"{function} failed with {OpenClErrorNames.Of(status)} ({status}){(detail is null ? "" : ": " + detail)}")
    {
        Function = function;
        Status = status;
        ErrorName = OpenClErrorNames.Of(status);
    }

    /// <summary>The OpenCL function that failed.</summary>
    public string Function { get; }

    /// <summary>The raw status code.</summary>
    public int Status { get; }

    /// <summary>The symbolic name, e.g. <c>CL_BUILD_PROGRAM_FAILURE</c>.</summary>
    public string ErrorName { get; }
}
