namespace CrbnVariantCaller.Reporting.Model;

/// <summary>A copy-number segment (<c>copy_number.segments[]</c>, <c>copy_number.crbn.segment</c>).</summary>
public sealed record CopyNumberSegmentReport
{
    /// <summary>Contig.</summary>
    public string Chrom { get; init; } = string.Empty;

    /// <summary>First base (1-based): the left breakpoint, to bin resolution.</summary>
    public int Start { get; init; }

    /// <summary>Last base: the right breakpoint, to bin resolution.</summary>
    public int End { get; init; }

    /// <summary>Weighted mean log2 ratio of the segment's bins.</summary>
    public double Log2Ratio { get; init; }

    /// <summary>Its standard error.</summary>
    public double StandardError { get; init; }

    /// <summary>Number of bins.</summary>
    public int Bins { get; init; }
}
