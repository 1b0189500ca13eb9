namespace CrbnVariantCaller.Reporting.Model;

/// <summary>The program that wrote the report and the compute backend it ran on.</summary>
public sealed record ToolInfo
{
    /// <summary>The program name.</summary>
    public string Name { get; init; } = "crbn";

    /// <summary>The program version (informational version of the CLI assembly).</summary>
    public required string Version { get; init; }

    /// <summary>The backend that computed the pileup and counts: <c>"cpu"</c>, <c>"opencl"</c> or <c>"cuda"</c>.</summary>
    public required string Backend { get; init; }

    /// <summary>The device, in words (for example <c>"NVIDIA H100 80GB HBM3"</c> or <c>"managed CPU, 2 threads"</c>).</summary>
    public required string Device { get; init; }

    /// <summary>Every time a backend failed and the work fell back to another one; empty when none did.</summary>
    public IReadOnlyList<FallbackEvent> Fallbacks { get; init; } = [];

    /// <summary>The command line, when the caller chooses to record it.</summary>
    public string? CommandLine { get; init; }
}
