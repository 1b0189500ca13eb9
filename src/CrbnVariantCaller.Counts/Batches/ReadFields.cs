using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Counts.Batches;

/// <summary>
/// The fixed-size fields of one alignment record, in BAM's own units (0-based positions, refID −1 for none),
/// handed to <see cref="ReadBatchBuilder.Add"/> together with the raw CIGAR, SEQ and QUAL spans.
/// </summary>
public readonly record struct ReadFields
{
    /// <summary>BAM refID; −1 when unplaced.</summary>
    public required int ReferenceId { get; init; }

    /// <summary>BAM <c>pos</c>: the 0-based leftmost reference position (−1 when unplaced).</summary>
    public required int PositionZeroBased { get; init; }

    /// <summary>SAM FLAG.</summary>
    public required ushort Flag { get; init; }

    /// <summary>MAPQ.</summary>
    public required byte MappingQuality { get; init; }

    /// <summary>BAM <c>next_refID</c>; −1 when none.</summary>
    public int MateReferenceId { get; init; } = -1;

    /// <summary>BAM <c>next_pos</c>, 0-based; −1 when none.</summary>
    public int MatePositionZeroBased { get; init; } = -1;

    /// <summary>TLEN.</summary>
    public int TemplateLength { get; init; }

    /// <summary>The NH aux tag (number of reported alignments); 0 when the tag is absent.</summary>
    public int NumberOfHits { get; init; }

    /// <summary>The XS:A aux tag (transcription strand of a spliced read); <see cref="Strand.Unknown"/> when absent.</summary>
    public Strand SpliceStrand { get; init; } = Strand.Unknown;

    /// <summary>Creates the fields of a mapped, unpaired read.</summary>
    public ReadFields()
    {
    }
}
