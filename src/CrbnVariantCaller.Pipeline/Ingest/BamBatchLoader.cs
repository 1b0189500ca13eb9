using CrbnVariantCaller.Counts.Batches;
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
            AddFrom(reader, builder, record);
        }

        return builder.Build();
    }

    /// <summary>
    /// Every record overlapping any of <paramref name="regions"/>, each record once even when regions overlap, in region
    /// order (give regions sorted and disjoint to keep file order).
    /// </summary>
    /// <remarks>
    /// A record that a later region's query returns again is recognised without looking at its name: a region query
    /// returns exactly the records that overlap the region, so a record was already taken when it also overlaps an
    /// earlier region on the same reference.
    /// </remarks>
    public static ReadBatch LoadRegions(BamReader reader, IEnumerable<RegionSpec> regions)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(regions);
        var builder = new ReadBatchBuilder(4096);
        var record = new BamRecord();
        var earlier = new List<(int ReferenceId, long Start, long End)>();
        foreach (RegionSpec region in regions)
        {
            BamQuery query = reader.Query(region);
            int referenceId = reader.Header.GetReferenceId(region.Contig);
            while (query.ReadRecord(record))
            {
                if (!OverlapsAny(earlier, referenceId, record))
                {
                    AddFrom(reader, builder, record);
                }
            }

            // The interval the query used (BamReader.Query: 0-based start clamped at 0, open end to the contig's end).
            earlier.Add((referenceId, Math.Max(0, region.Start.ZeroBased), region.End is { } e ? e.Value : long.MaxValue));
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
            AddFrom(reader, builder, record);
        }

        return builder.Build();
    }

    /// <summary>Appends one record, naming the BAM when its aux data cannot be read (a non-integer NH, say).</summary>
    internal static void AddFrom(BamReader reader, ReadBatchBuilder builder, BamRecord record)
    {
        try
        {
            Add(builder, record);
        }
        catch (InvalidOperationException ex)
        {
            throw new BamFormatException(reader.FilePath, $"record {record.GetReadName()}: {ex.Message}", ex);
        }
    }

    /// <summary>Appends one record to <paramref name="builder"/>.</summary>
    public static void Add(ReadBatchBuilder builder, BamRecord record)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(record);
        (int nh, Strand xs) = HitAndStrandTags.Read(record);
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

    // samtools' overlap rule, as BamQuery applies it: same reference, POS before the region end, end after its start.
    internal static bool OverlapsAny(List<(int ReferenceId, long Start, long End)> regions, int referenceId, BamRecord record)
    {
        if (regions.Count == 0)
        {
            return false;
        }

        long pos = record.PositionZeroBased;
        long end = record.ReferenceEndZeroBasedExclusive;
        foreach ((int id, long start, long stop) in regions)
        {
            if (id == referenceId && pos < stop && end > start)
            {
                return true;
            }
        }

        return false;
    }
}
