using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// The spliced reads that may count for a junction (<see cref="CrbnSplicingAnalyzer.SelectSplicedReads(ReadBatch, Strandedness)"/>):
/// the pipeline counts their junctions under <see cref="CrbnSplicingAnalyzer.JunctionRequest"/>.
/// </summary>
/// <param name="Batch">The spliced reads that may count, in input order, with their transcription strand in the XS field.</param>
/// <param name="ReferenceId">The only refID selected from, or null when every reference was.</param>
/// <param name="SplicedReads">Spliced primary records seen (before the uniqueness test).</param>
/// <param name="NonUniqueDropped">Spliced records dropped as not uniquely aligned.</param>
/// <param name="StrandUsed">Where the strands came from in the end.</param>
public sealed record SplicedReadSubset(ReadBatch Batch, int? ReferenceId, int SplicedReads, int NonUniqueDropped, JunctionStrandSource StrandUsed);
