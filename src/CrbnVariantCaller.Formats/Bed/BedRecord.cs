using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Formats.Bed;

/// <summary>One BED interval, converted from BED's 0-based half-open columns to a closed 1-based interval.</summary>
/// <param name="Interval">The interval (BED <c>start + 1</c> to <c>end</c>).</param>
/// <param name="Name">The fourth column, or null when the file has three columns.</param>
public sealed record BedRecord(GenomicInterval Interval, string? Name);
