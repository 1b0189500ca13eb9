namespace CrbnVariantCaller.Counts;

/// <summary>Library strandedness, as featureCounts <c>-s</c>.</summary>
public enum Strandedness
{
    /// <summary><c>-s 0</c>: reads count on either strand.</summary>
    Unstranded = 0,

    /// <summary><c>-s 1</c>: read 1 (or a single-end read) lies on the feature's strand.</summary>
    Stranded = 1,

    /// <summary><c>-s 2</c>: read 1 lies on the opposite strand.</summary>
    ReverselyStranded = 2,
}
