using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>A splice junction in STAR SJ.out.tab convention: the first and last intronic base, 1-based.</summary>
public sealed record JunctionReport
{
    /// <summary>Contig.</summary>
    public required string Chrom { get; init; }

    /// <summary>First intronic base.</summary>
    public required Position IntronStart { get; init; }

    /// <summary>Last intronic base.</summary>
    public required Position IntronEnd { get; init; }

    /// <summary><c>+</c>, <c>-</c> or <c>.</c> when undetermined.</summary>
    public string Strand { get; init; } = "-";

    /// <summary>Uniquely mapped reads crossing the junction.</summary>
    public int UniqueReads { get; init; }

    /// <summary>Multi-mapped reads crossing the junction (counted only when allowed).</summary>
    public int MultiReads { get; init; }

    /// <summary>Largest overhang seen on either side.</summary>
    public int MaxOverhang { get; init; }

    /// <summary>True when the junction is in the annotation.</summary>
    public bool Annotated { get; init; }

    /// <summary>Short label: <c>e9-e10</c>, <c>skip e10</c>, <c>skip e8</c>, <c>novel</c>, ...</summary>
    public string? Label { get; init; }

    /// <summary>Predicted effect on the protein (for example in-frame loss of residues 340–382).</summary>
    public string? PredictedEffect { get; init; }
}
