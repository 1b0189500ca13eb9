using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// What <see cref="SnvCaller.Call"/> works on besides the pileups. Nothing here is a file: the pipeline loads BAMs and the
/// reference, and counts the pileups of <see cref="SnvCaller.PileupRequests"/>.
/// </summary>
public sealed record SnvCallInput
{
    /// <summary>
    /// Tumour (or RNA) reads, coordinate-sorted: every read over the transcript, or at least every read covering the
    /// positions <see cref="SnvCaller.WalkedPositions"/> names (the pileups then come from all of them).
    /// </summary>
    public required ReadBatch Tumor { get; init; }

    /// <summary>Matched-normal reads over the same region (or over its walked positions), or null.</summary>
    public ReadBatch? Normal { get; init; }

    /// <summary>
    /// The QC's read count and duplicates over all the tumour reads, when <see cref="Tumor"/> holds only those at the
    /// walked positions; null to count them in <see cref="Tumor"/>.
    /// </summary>
    public SnvReadTally? TumorReadTally { get; init; }

    /// <summary>
    /// The reference window, forward strand; it must cover the transcript span (for annotation) and the tested
    /// region. Its contig name is the one reported.
    /// </summary>
    public required ReferenceSlice Reference { get; init; }

    /// <summary>The tumour BAM's refID of the reference window's contig.</summary>
    public required int ReferenceId { get; init; }

    /// <summary>
    /// The refID of the CRBN contig in the normal BAM's header, when its header lists contigs in another order than the
    /// tumour's; null means the same as <see cref="ReferenceId"/>.
    /// </summary>
    public int? NormalReferenceId { get; init; }

    /// <summary>The transcript tested and annotated (CRBN NM_016302.4 on the detected build).</summary>
    public required TranscriptModel Transcript { get; init; }

    /// <summary>The reads are RNA: spliced alignments (N operations skip introns, which the counting honours).</summary>
    public bool IsRna { get; init; }
}
