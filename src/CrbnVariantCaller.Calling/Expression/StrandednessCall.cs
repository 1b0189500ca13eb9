using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// The library strandedness used for counting, with the evidence behind it (like RSeQC <c>infer_experiment.py</c>):
/// of the reads assigned to a gene in either orientation, the fraction whose read 1 lies on the gene's strand
/// (<see cref="SenseFraction"/>, featureCounts <c>-s 1</c>) and on the opposite strand (<see cref="AntisenseFraction"/>,
/// <c>-s 2</c>, dUTP).
/// </summary>
/// <param name="Strandedness">The mode to count with (featureCounts <c>-s</c>).</param>
/// <param name="Source">Detected, assumed or user-given.</param>
/// <param name="Confidence">
/// For a detected stranded library, the fraction of informative reads in the winning orientation; for a detected
/// unstranded library, 1 − |sense − antisense fraction|; 0 when assumed.
/// </param>
/// <param name="SenseReads">Reads assigned in <c>-s 1</c> mode.</param>
/// <param name="AntisenseReads">Reads assigned in <c>-s 2</c> mode.</param>
/// <param name="Explanation">One sentence for the report.</param>
public sealed record StrandednessCall(
    Strandedness Strandedness,
    StrandednessSource Source,
    double Confidence,
    long SenseReads,
    long AntisenseReads,
    string Explanation)
{
    /// <summary>Reads that were assigned in at least one orientation (sense + antisense).</summary>
    public long InformativeReads => SenseReads + AntisenseReads;

    /// <summary>Sense reads / informative reads, or NaN without informative reads.</summary>
    public double SenseFraction => InformativeReads == 0 ? double.NaN : (double)SenseReads / InformativeReads;

    /// <summary>Antisense reads / informative reads, or NaN without informative reads.</summary>
    public double AntisenseFraction => InformativeReads == 0 ? double.NaN : (double)AntisenseReads / InformativeReads;

    /// <summary>The featureCounts-style label: <c>unstranded</c>, <c>stranded</c> (-s 1) or <c>reverse</c> (-s 2).</summary>
    public string Label => Strandedness switch
    {
        Strandedness.Stranded => "stranded",
        Strandedness.ReverselyStranded => "reverse",
        _ => "unstranded",
    };

    /// <summary>A call the user made: no detection is run.</summary>
    public static StrandednessCall FromUser(Strandedness strandedness) =>
        new(strandedness, StrandednessSource.User, 1.0, 0, 0, $"library strandedness given by the user (featureCounts -s {(int)strandedness})");
}
