using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Pipeline.Ingest;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Calling.Tests.Splicing;

/// <summary>Loads test BAMs into read batches for the splicing tests.</summary>
internal static class RnaBams
{
    /// <summary>The CRBN gene region (GRCh38), padded.</summary>
    public const string CrbnRegion = "chr3:3,140,000-3,190,000";

    /// <summary>Absolute path of a file under testdata/.</summary>
    public static string TestDataPath(string relative) => Path.Combine(RepoPaths.TestData, relative);

    /// <summary>The reads over <paramref name="region"/> of a BAM and the refID of its contig.</summary>
    public static (ReadBatch Batch, int ReferenceId) LoadRegion(string path, string region)
    {
        using var reader = new BamReader(path);
        RegionSpec spec = RegionSpec.Parse(region);
        ReadBatch batch = BamBatchLoader.LoadRegion(reader, spec);
        return (batch, reader.Header.GetReferenceId(region[..region.IndexOf(':')]));
    }

    /// <summary>Every record of a BAM and its reference names.</summary>
    public static (ReadBatch Batch, IReadOnlyList<string> Names) LoadAll(string path)
    {
        using var reader = new BamReader(path);
        ReadBatch batch = BamBatchLoader.LoadAll(reader);
        return (batch, reader.Header.References.Select(r => r.Name).ToList());
    }
}
