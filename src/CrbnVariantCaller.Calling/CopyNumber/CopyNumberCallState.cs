namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>The CRBN copy-number state (the report's <c>copy_number.crbn.state</c>).</summary>
public enum CopyNumberCallState
{
    /// <summary>Two copies.</summary>
    Neutral,

    /// <summary>One copy of the whole gene lost.</summary>
    HemizygousLoss,

    /// <summary>Both copies lost, of the whole gene or of the exons listed.</summary>
    HomozygousLoss,

    /// <summary>Some exons lost (less than both copies).</summary>
    PartialLoss,

    /// <summary>More than two copies.</summary>
    Gain,

    /// <summary>Two copies of one parental haplotype (loss of heterozygosity without a change in depth).</summary>
    CopyNeutralLoh,

    /// <summary>Not judged; the reasoning says why.</summary>
    NotAssessable,
}
