using CrbnVariantCaller.Compute.Batches;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Formats.Bam;

namespace CrbnVariantCaller.Pipeline.Ingest;

/// <summary>
/// Fills a <see cref="ReadBatch"/> (the compute kernels' structure of arrays) from BAM records, copying the raw
/// CIGAR, SEQ and QUAL spans without decoding them. NH and XS:A are read from the aux data for the RNA kernels.
/// </summary>
public static class BamBatchLoader
{
    /// <summary>Every record overlapping <paramref name="region"/>, in file order, through the BAM's index.</summary>
    public static ReadBatch LoadRegion(BamReader reader, RegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var builder = new ReadBatchBuilder(4096);
        var record = new BamRecord();
        BamQuery query = reader.Query(region);
        while (query.ReadRecord(record))
        {
            Add(builder, record);
        }

        return builder.Build();
    }

    /// <summary>
    /// Every record overlapping any of <paramref name="regions"/>, each record once even when regions overlap, in region
    /// order (give regions sorted and disjoint to keep file order).
    /// </summary>
    public static ReadBatch LoadRegions(BamReader reader, IEnumerable<RegionSpec> regions)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(regions);
        var builder = new ReadBatchBuilder(4096);
        var record = new BamRecord();
        var seen = new HashSet<(int, int, ushort, string)>();
        foreach (RegionSpec region in regions)
        {
            BamQuery query = reader.Query(region);
            while (query.ReadRecord(record))
            {
                if (seen.Add((record.ReferenceId, record.PositionZeroBased, (ushort)record.Flags, record.GetReadName())))
                {
                    Add(builder, record);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>Every remaining record of <paramref name="reader"/> in file order.</summary>
    public static ReadBatch LoadAll(BamReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var builder = new ReadBatchBuilder(4096);
        var record = new BamRecord();
        while (reader.ReadRecord(record))
        {
            Add(builder, record);
        }

        return builder.Build();
    }

    /// <summary>Appends one record to <paramref name="builder"/>.</summary>
    public static void Add(ReadBatchBuilder builder, BamRecord record)
    {
        int nh = record.TryGetAux("NH"u8, out BamAuxField nhField) ? (int)nhField.GetInteger() : 0;
        Strand xs = record.TryGetAux("XS"u8, out BamAuxField xsField) && xsField.Type == (byte)'A'
            ? xsField.GetChar() switch { '+' => Strand.Plus, '-' => Strand.Minus, _ => Strand.Unknown }
            : Strand.Unknown;
        builder.Add(
            new ReadFields
            {
                ReferenceId = record.ReferenceId,
                PositionZeroBased = record.PositionZeroBased,
                Flag = (ushort)record.Flags,
                MappingQuality = record.MappingQuality,
                MateReferenceId = record.MateReferenceId,
                MatePositionZeroBased = record.MatePositionZeroBased,
                TemplateLength = record.TemplateLength,
                NumberOfHits = nh,
                SpliceStrand = xs,
            },
            record.ReadName,
            record.CigarWords,
            record.PackedSequence,
            record.SequenceLength,
            record.Qualities);
    }
}
