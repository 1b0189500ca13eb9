namespace CrbnVariantCaller.Reporting.Model;

/// <summary>
/// The CRBN exon 10 skipping call in rMATS JC terms: the skip junction (exon 9→11) against the two inclusion junctions.
/// </summary>
public sealed record Exon10Skipping
{
    /// <summary>detected, not_detected or not_assessable.</summary>
    public SplicingStatus Status { get; init; } = SplicingStatus.NotAssessable;

    /// <summary>Fraction of CRBN transcripts lacking exon 10; null when not assessable.</summary>
    public double? PsiSkipped { get; init; }

    /// <summary>Lower bound of the 95% interval of <see cref="PsiSkipped"/>.</summary>
    public double? CiLow { get; init; }

    /// <summary>Upper bound of the 95% interval.</summary>
    public double? CiHigh { get; init; }

    /// <summary>Reads on the skip junction.</summary>
    public int SkipReads { get; init; }

    /// <summary>Reads on the two inclusion junctions together.</summary>
    public int InclusionReads { get; init; }

    /// <summary>Reads on the exon 9→10 junction.</summary>
    public int? UpstreamInclusionReads { get; init; }

    /// <summary>Reads on the exon 10→11 junction.</summary>
    public int? DownstreamInclusionReads { get; init; }

    /// <summary>The junction-count normalisation used for psi (for example rMATS <c>(I/2) / (I/2 + S)</c>).</summary>
    public string Normalisation { get; init; } = string.Empty;

    /// <summary>The interval method (Wilson score, Jeffreys beta, ...).</summary>
    public string? IntervalMethod { get; init; }

    /// <summary>
    /// The Δexon10 isoform's protein change (HGVS p., for example <c>p.(Leu340_Gly383del)</c> or a delins), computed from
    /// the reference sequence: exon 10 is c.1017–1148, so the joint codon is c.1015_1016 + c.1149. Null without RNA data.
    /// </summary>
    public string? ProteinChange { get; init; }

    /// <summary>Where the PSI lies in the lab's cohort (<c>--exon10-cohort</c>); null when no cohort was given or the PSI is not assessable.</summary>
    public Exon10CohortComparison? Cohort { get; init; }

    /// <summary>Why this status: counts against the configured thresholds.</summary>
    public string Reasoning { get; init; } = "No RNA data was given.";
}
