namespace CrbnVariantCaller.Calling.Expression;

/// <summary>Where the strandedness used for counting came from.</summary>
public enum StrandednessSource
{
    /// <summary>Inferred from the reads by <see cref="LibraryStrandDetector"/>.</summary>
    Detected,

    /// <summary>Too few informative reads, or no clear pattern: assumed unstranded (<c>-s 0</c>).</summary>
    AssumedUnstranded,

    /// <summary>Given by the user (overrides detection).</summary>
    User,
}
