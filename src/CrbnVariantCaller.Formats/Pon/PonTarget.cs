using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Formats.Pon;

/// <summary>One target row of a panel of normals.</summary>
public sealed record PonTarget
{
    /// <summary>The target (closed, 1-based; written to the TSV as BED-style 0-based start and exclusive end).</summary>
    public required GenomicInterval Interval { get; init; }

    /// <summary>The target's name (BED name, or a generated one such as <c>CRBN_exon9</c>).</summary>
    public required string Name { get; init; }

    /// <summary><c>target</c>, <c>antitarget</c> or <c>genome</c>.</summary>
    public string Kind { get; init; } = "target";

    /// <summary>GC fraction of the reference over the bin (NaN when unknown).</summary>
    public double Gc { get; init; } = double.NaN;

    /// <summary>The CRBN exon (NM_016302.4 numbering) the target covers, or null for a control target.</summary>
    public int? CrbnExon { get; init; }

    /// <summary>Median over the normals of the normalised, GC-corrected log2 depth.</summary>
    public required double Log2 { get; init; }

    /// <summary>Spread of that log2 over the normals (1.4826 × median absolute deviation).</summary>
    public required double Spread { get; init; }

    /// <summary>Median over the normals of the target's mean depth (reads per base, samtools depth semantics).</summary>
    public required double Depth { get; init; }
}
