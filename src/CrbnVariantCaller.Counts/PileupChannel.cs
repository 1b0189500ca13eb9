namespace CrbnVariantCaller.Counts;

/// <summary>
/// The counters kept per reference position by the pileup kernel; each exists once per strand
/// (<see cref="PileupCounts.Get"/>). N stands for any base code other than A, C, G, T (N, IUPAC, '=').
/// </summary>
public enum PileupChannel
{
    /// <summary>Base A.</summary>
    A = 0,

    /// <summary>Base C.</summary>
    C = 1,

    /// <summary>Base G.</summary>
    G = 2,

    /// <summary>Base T.</summary>
    T = 3,

    /// <summary>Any other base code.</summary>
    N = 4,

    /// <summary>A deletion covering the position (samtools <c>*</c>).</summary>
    Deletion = 5,

    /// <summary>An insertion after the position (samtools <c>+n</c>).</summary>
    Insertion = 6,
}
