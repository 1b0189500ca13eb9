namespace CrbnVariantCaller.Compute.Backends;

/// <summary>The backend asked for explicitly (<c>--device opencl|cuda</c>) cannot be used; the message says why.</summary>
public sealed class ComputeUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ComputeUnavailableException(BackendKind kind, string reason, Exception? inner = null)
        : base($"{kind.OptionName()} backend unavailable: {reason}", inner)
    {
        Kind = kind;
        Reason = reason;
    }

    /// <summary>The backend that was asked for.</summary>
    public BackendKind Kind { get; }

    /// <summary>Why it cannot be used.</summary>
    public string Reason { get; }
}
