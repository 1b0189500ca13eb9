using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// What a sashimi-style plot needs: the gene's exons as boxes and each junction as an arc labelled with its reads.
/// Coordinates are genomic, 1-based, closed.
/// </summary>
/// <param name="Contig">Contig name.</param>
/// <param name="Start">Left edge of the plot (the transcript span, widened to every arc).</param>
/// <param name="End">Right edge of the plot.</param>
/// <param name="Strand">The gene's strand (exon numbers run right to left on the minus strand).</param>
/// <param name="Exons">Exon boxes.</param>
/// <param name="Arcs">Junction arcs.</param>
public sealed record SashimiPlotData(
    string Contig,
    Position Start,
    Position End,
    Strand Strand,
    IReadOnlyList<SashimiExon> Exons,
    IReadOnlyList<SashimiArc> Arcs);

/// <summary>An exon box of a sashimi plot.</summary>
/// <param name="Number">Exon number in transcript order.</param>
/// <param name="Start">First base.</param>
/// <param name="End">Last base.</param>
public sealed record SashimiExon(int Number, Position Start, Position End);

/// <summary>A junction arc of a sashimi plot, from the last exonic base before the intron to the first after it.</summary>
/// <param name="Start">Last exonic base on the left (intron start − 1).</param>
/// <param name="End">First exonic base on the right (intron end + 1).</param>
/// <param name="Reads">Reads on the junction (the arc's label and width).</param>
/// <param name="Kind">Annotation of the junction, to colour the arc.</param>
/// <param name="Label">Short name, e.g. <c>skip of exon 10</c>.</param>
public sealed record SashimiArc(Position Start, Position End, int Reads, JunctionKind Kind, string Label);
