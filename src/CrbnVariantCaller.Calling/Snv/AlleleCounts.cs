using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>The forced genotype of one position: every allele's reads per strand, whether or not a variant was called.</summary>
/// <param name="Position">The genomic position.</param>
/// <param name="Reference">The reference base (forward strand).</param>
/// <param name="Depth">Reads covering the position after filters.</param>
/// <param name="A">A reads.</param>
/// <param name="C">C reads.</param>
/// <param name="G">G reads.</param>
/// <param name="T">T reads.</param>
/// <param name="Deletion">Reads with a deletion over the position.</param>
/// <param name="Insertion">Reads with an insertion after the position.</param>
/// <param name="TopAlt">The most frequent non-reference base (<c>.</c> when none).</param>
/// <param name="TopAltVaf">Its allele fraction.</param>
/// <param name="TopAltPValue">Its p-value under the error model (1 when none).</param>
/// <param name="MinimumDetectableVaf">The limit of detection at this depth.</param>
public sealed record AlleleCounts(
    Position Position,
    char Reference,
    int Depth,
    StrandCounts A,
    StrandCounts C,
    StrandCounts G,
    StrandCounts T,
    StrandCounts Deletion,
    StrandCounts Insertion,
    char TopAlt,
    double TopAltVaf,
    double TopAltPValue,
    double MinimumDetectableVaf);
