using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bam.Index;
using CrbnVariantCaller.Pipeline.Ingest;

namespace CrbnVariantCaller.Calling.Tests.Expression;

/// <summary>A whole RNA BAM in one batch, with its reference names and the index's mapped-read total (as Pipeline reads them).</summary>
internal sealed record RnaBam(string Path, ReadBatch Batch, IReadOnlyList<string> ReferenceNames, long MappedReads)
{
    public static RnaBam Load(string path)
    {
        using var reader = new BamReader(path);
        BamIndex index = reader.LoadIndex();
        var names = reader.Header.References.Select(r => r.Name).ToList();
        long mapped = 0;
        for (int i = 0; i < names.Count; i++)
        {
            mapped += (long)(index.GetReferenceCounts(i)?.Mapped ?? 0);
        }

        return new RnaBam(path, BamBatchLoader.LoadAll(reader), names, mapped);
    }
}
