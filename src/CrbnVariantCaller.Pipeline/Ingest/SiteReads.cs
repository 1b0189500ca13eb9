using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Pipeline.Counting;

namespace CrbnVariantCaller.Pipeline.Ingest;

/// <summary>The reads of one region of a BAM as the streaming SNV caller takes them (<see cref="SnvReadSource"/>).</summary>
public static class SiteReads
{
    /// <summary>
    /// The region in chunks of <paramref name="chunkReads"/>, and a loader of the reads covering given positions of it:
    /// the region's one chunk when it fit in one (no second read of the BAM), else an index query per run of positions.
    /// </summary>
    public static SnvReadSource Source(BamReader bam, RegionSpec region, int chunkReads)
    {
        ArgumentNullException.ThrowIfNull(bam);
        ArgumentNullException.ThrowIfNull(region);
        var chunks = new ReadChunks(bam, [region], chunkReads);
        return new SnvReadSource(
            chunks,
            positions => chunks.Single ?? BamBatchLoader.LoadRegions(bam, Merged(region.Contig, positions)));
    }

    /// <summary>Sorted 0-based positions as 1-based regions, runs of adjacent positions joined.</summary>
    public static IEnumerable<RegionSpec> Merged(string contig, IReadOnlyList<int> positions)
    {
        for (int i = 0; i < positions.Count;)
        {
            int j = i;
            while (j + 1 < positions.Count && positions[j + 1] <= positions[j] + 1)
            {
                j++;
            }

            yield return new RegionSpec(contig, Position.FromZeroBased(positions[i]), Position.FromZeroBased(positions[j]));
            i = j + 1;
        }
    }
}
