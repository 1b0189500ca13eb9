using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// One splice junction over the analysed gene with its reads and its annotation. Coordinates follow STAR's
/// <c>SJ.out.tab</c>: the first and last intronic base, 1-based.
/// </summary>
/// <param name="Contig">Contig name as the transcript model names it.</param>
/// <param name="IntronStart">First intronic base (lower coordinate).</param>
/// <param name="IntronEnd">Last intronic base.</param>
/// <param name="Strand">The junction's transcription strand (<see cref="Strand.Unknown"/> when unstranded and untagged).</param>
/// <param name="Reads">Unique reads with an anchor on both sides.</param>
/// <param name="Kind">Annotated intron, exon skip, alternative donor/acceptor or novel.</param>
/// <param name="Label">Short name: <c>intron 9</c>, <c>skip of exon 10</c>, <c>alternative acceptor of exon 11</c>, <c>novel</c>.</param>
/// <param name="IntronNumber">For an annotated intron, its number (intron N joins exon N and N+1).</param>
/// <param name="DonorExon">The exon whose annotated 3' end is the donor, if any (transcript numbering).</param>
/// <param name="AcceptorExon">The exon whose annotated 5' start is the acceptor, if any.</param>
/// <param name="SkippedExons">Whole exons left out, in transcript order; empty when none.</param>
/// <param name="TranscriptLengthChange">
/// Bases gained (positive) or lost (negative) in the mature transcript compared with the annotated one; null when unknown.
/// </param>
/// <param name="Frame">Frame consequence.</param>
/// <param name="ProteinEffect">Predicted effect on the protein, in words (e.g. <c>frameshift after residue 278</c>).</param>
public sealed record JunctionEvent(
    string Contig,
    Position IntronStart,
    Position IntronEnd,
    Strand Strand,
    int Reads,
    JunctionKind Kind,
    string Label,
    int? IntronNumber,
    int? DonorExon,
    int? AcceptorExon,
    IReadOnlyList<int> SkippedExons,
    int? TranscriptLengthChange,
    FrameEffect Frame,
    string ProteinEffect)
{
    /// <summary>Total length of the skipped whole exons (0 when none).</summary>
    public int SkippedLength { get; init; }

    /// <summary>The junction as a STAR-style region string, e.g. <c>chr3:3151046-3153423</c>.</summary>
    public string Coordinates => $"{Contig}:{IntronStart}-{IntronEnd}";
}
