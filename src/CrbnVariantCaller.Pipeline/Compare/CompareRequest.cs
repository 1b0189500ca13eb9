namespace CrbnVariantCaller.Pipeline.Compare;

/// <summary>The inputs of <c>crbn compare</c>: two <c>crbn call</c> reports of one patient, and their DNA BAMs when given.</summary>
public sealed record CompareRequest
{
    /// <summary>The baseline <c>ID.report.json</c>.</summary>
    public required string BaselineReport { get; init; }

    /// <summary>The relapse <c>ID.report.json</c>.</summary>
    public required string RelapseReport { get; init; }

    /// <summary>The baseline DNA BAM: allele counts there are re-measured at the relapse variants.</summary>
    public string? BaselineBam { get; init; }

    /// <summary>The relapse DNA BAM: allele counts there are re-measured at the baseline variants.</summary>
    public string? RelapseBam { get; init; }

    /// <summary>The reference FASTA (needed with BAMs).</summary>
    public string? Reference { get; init; }

    /// <summary>The output folder.</summary>
    public required string OutDir { get; init; }

    /// <summary>BGZF inflate threads.</summary>
    public int Threads { get; init; } = 1;
}
