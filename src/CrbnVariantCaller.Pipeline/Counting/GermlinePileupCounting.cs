using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>Germline typing: the pileup windows the typer asks for, counted on the engine, then the genotypes.</summary>
public static class GermlinePileupCounting
{
    /// <summary>Types every site of <paramref name="table"/> from the pileups of <paramref name="reads"/>.</summary>
    /// <param name="engine">Counts the pileups.</param>
    /// <param name="typer">The typer.</param>
    /// <param name="reads">Alignments covering the sites (others are ignored), in coordinate order, in one or more chunks.</param>
    /// <param name="table">The sites.</param>
    /// <param name="referenceNames">The BAM's reference names by refID.</param>
    public static GermlineTypingResult TypeGermline(
        this ComputeEngine engine,
        GermlineTyper typer,
        IEnumerable<ReadBatch> reads,
        GermlineSiteTable table,
        IReadOnlyList<string> referenceNames)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(typer);
        return typer.Type(table, referenceNames, engine.Pileups(reads, typer.PileupRequests(table, referenceNames)));
    }

    /// <summary>Types every site from one batch of reads.</summary>
    public static GermlineTypingResult TypeGermline(this ComputeEngine engine, GermlineTyper typer, ReadBatch reads, GermlineSiteTable table, IReadOnlyList<string> referenceNames) =>
        engine.TypeGermline(typer, [reads], table, referenceNames);
}
