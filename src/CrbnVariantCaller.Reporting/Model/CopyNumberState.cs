using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>
/// CRBN copy-number call: the contract's states (<c>copy_number.crbn.state</c>) plus copy-neutral LOH, which the
/// report gives as <c>call</c> (its <c>state</c> is <c>neutral</c>: see <see cref="CrbnCopyNumber.State"/>).
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<CopyNumberState>))]
public enum CopyNumberState
{
    /// <summary>Two copies (no change).</summary>
    Neutral,

    /// <summary>One copy of the whole gene lost.</summary>
    HemizygousLoss,

    /// <summary>Both copies lost (of the whole gene or of the exons listed).</summary>
    HomozygousLoss,

    /// <summary>Only some exons lost.</summary>
    PartialLoss,

    /// <summary>More than two copies.</summary>
    Gain,

    /// <summary>Copy-neutral loss of heterozygosity (two copies of one parental haplotype).</summary>
    CopyNeutralLoh,

    /// <summary>Copy number could not be judged (no DNA, no panel of normals, too little coverage).</summary>
    NotAssessable,
}
