using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>The CRBN copy-number call.</summary>
public sealed record CrbnCopyNumber
{
    /// <summary>
    /// The call (JSON <c>call</c>): one of the contract's states, or copy-neutral LOH. Everything that grades or
    /// compares copy number reads this.
    /// </summary>
    public CopyNumberState Call { get; init; } = CopyNumberState.NotAssessable;

    /// <summary>
    /// The contract's <c>state</c> (neutral|hemizygous_loss|homozygous_loss|partial_loss|gain|not_assessable): the copy
    /// number alone, so copy-neutral LOH, which keeps two copies, is <c>neutral</c> here and <c>copy_neutral_loh</c> in
    /// <see cref="Call"/> (with the LOH itself in <see cref="Baf"/>).
    /// </summary>
    [JsonPropertyOrder(-1)]
    public CopyNumberState State => Call == CopyNumberState.CopyNeutralLoh ? CopyNumberState.Neutral : Call;

    /// <summary>log2 of the tumour/normal depth ratio over CRBN; null when not measured.</summary>
    public double? Log2Ratio { get; init; }

    /// <summary>Estimated absolute copies (purity-adjusted when a purity is known).</summary>
    public double? EstimatedCopies { get; init; }

    /// <summary>Exon numbers (NM_016302.4) with a loss or gain; empty when none.</summary>
    public IReadOnlyList<int> ExonsAffected { get; init; } = [];

    /// <summary>The segment that contains CRBN: breakpoints (start/end), log2 and number of bins; null when not assessed.</summary>
    public CopyNumberSegmentReport? Segment { get; init; }

    /// <summary>Per-exon log2 ratios and states.</summary>
    public IReadOnlyList<CopyNumberExon> Exons { get; init; } = [];

    /// <summary>B-allele frequency and LOH over the CRBN segment; null when no SNPs were looked for.</summary>
    public CopyNumberAlleles? Baf { get; init; }

    /// <summary>Purity and integer copies.</summary>
    public CopyNumberPurity? Purity { get; init; }

    /// <summary>How the call was made (for example <c>depth ratio against a panel of normals, median of targets</c>).</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>Why the state was chosen, or why it could not be.</summary>
    public string? Reasoning { get; init; }
}
