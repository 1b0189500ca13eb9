using System.Text.Json.Serialization;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Reporting.Json;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>
/// The limit of detection at every CRBN coding position, stored column-wise to stay compact:
/// <c>positions[i]</c> has depth <c>depths[i]</c> and smallest detectable VAF <c>min_vaf[i]</c> (null at depth 0).
/// </summary>
public sealed record LimitOfDetection
{
    /// <summary>How the detectable VAF was computed (model, error rate, significance, required alt reads).</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>Contig of the positions.</summary>
    public string Chrom { get; init; } = "chr3";

    /// <summary>The VAF the sample is expected to be able to see; positions whose <c>min_vaf</c> is above it are not assessable.</summary>
    public double? TargetVaf { get; init; }

    /// <summary>1-based positions, ascending.</summary>
    [JsonConverter(typeof(CompactArrayJsonConverter))]
    public IReadOnlyList<Position> Positions { get; init; } = [];

    /// <summary>Depth at each position.</summary>
    [JsonConverter(typeof(CompactArrayJsonConverter))]
    public IReadOnlyList<int> Depths { get; init; } = [];

    /// <summary>Smallest detectable VAF at each position; null where depth is 0.</summary>
    [JsonConverter(typeof(CompactArrayJsonConverter))]
    public IReadOnlyList<double?> MinVaf { get; init; } = [];

    /// <summary>Number of positions whose detectable VAF is above <see cref="TargetVaf"/> (or with no coverage).</summary>
    public int PositionsAboveTarget { get; init; }
}
