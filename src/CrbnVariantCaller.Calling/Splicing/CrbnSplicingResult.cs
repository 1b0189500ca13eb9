namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>The splicing section of a CRBN report: the exon-10 call, every CRBN junction, and plot data.</summary>
/// <param name="Exon10">Exon-10 skipping (Δexon10) with psi, interval, status and reasoning.</param>
/// <param name="Junctions">Every junction on the CRBN strand within the gene, annotated, in genomic order (exon-10 junctions included).</param>
/// <param name="Sashimi">Exon boxes and junction arcs for a sashimi-style plot.</param>
/// <param name="StrandSource">Where junction strands came from in this run.</param>
/// <param name="SplicedReads">Spliced primary alignments seen on the CRBN contig.</param>
/// <param name="NonUniqueReadsExcluded">Of those, how many were dropped as not uniquely aligned.</param>
public sealed record CrbnSplicingResult(
    Exon10Skipping Exon10,
    IReadOnlyList<JunctionEvent> Junctions,
    SashimiPlotData Sashimi,
    JunctionStrandSource StrandSource,
    int SplicedReads,
    int NonUniqueReadsExcluded)
{
    /// <summary>Junctions other than the annotated introns: exon skips (other than exon 10), alternative sites, novel junctions.</summary>
    public IEnumerable<JunctionEvent> UnannotatedJunctions => Junctions.Where(j => j.Kind != JunctionKind.AnnotatedIntron);
}
