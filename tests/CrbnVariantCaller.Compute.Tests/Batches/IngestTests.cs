using CrbnVariantCaller.Core.Alignment;
using System.Text;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Core.Coordinates;
using Xunit;

namespace CrbnVariantCaller.Compute.Tests.Batches;

/// <summary>
/// The batch builder (chunked storage, byte-interned read names, offsets computed at Build) against the plainest
/// possible reference: lists concatenated record by record and a string dictionary numbering names in first-seen order.
/// </summary>
public sealed class IngestTests
{
    [Fact]
    public void Batch_equals_naive_concatenation_across_many_chunks()
    {
        // ~13 MB of qualities and ~7 MB of bases: several 4 MiB chunks, records split across chunk boundaries.
        var reads = RandomRecords(seed: 20240611, count: 60_000, namePool: 25_000);
        var builder = new ReadBatchBuilder(16);
        foreach (Record r in reads)
        {
            builder.Add(r.Fields, r.Name, r.Cigar, r.Packed, r.Length, r.Quals);
        }

        AssertEqual(reads, builder.Build());
    }

    [Fact]
    public void Building_twice_keeps_the_first_batch_and_continues_ids()
    {
        var reads = RandomRecords(seed: 7, count: 5_000, namePool: 1_500);
        var builder = new ReadBatchBuilder(8);
        foreach (Record r in reads.Take(2_000))
        {
            builder.Add(r.Fields, r.Name, r.Cigar, r.Packed, r.Length, r.Quals);
        }

        ReadBatch first = builder.Build();
        foreach (Record r in reads.Skip(2_000))
        {
            builder.Add(r.Fields, r.Name, r.Cigar, r.Packed, r.Length, r.Quals);
        }

        ReadBatch second = builder.Build();
        AssertEqual(reads.Take(2_000).ToList(), first);
        AssertEqual(reads, second);
    }

    [Fact]
    public void Names_are_compared_byte_for_byte()
    {
        byte[][] names =
        [
            "read1"u8.ToArray(), "read1/1"u8.ToArray(), "read"u8.ToArray(), "Read1"u8.ToArray(), [], "read1"u8.ToArray(),
            Enumerable.Repeat((byte)'x', 300).ToArray(), Enumerable.Repeat((byte)'x', 299).ToArray(),
            [0xC3, 0xA9, 0xFF], [0xC3, 0xA9, 0xFE], [], Enumerable.Repeat((byte)'x', 300).ToArray(), [0xC3, 0xA9, 0xFF],
            "abcdefgh"u8.ToArray(), "abcdefgi"u8.ToArray(), "abcdefgh\0"u8.ToArray(),
        ];
        var builder = new ReadBatchBuilder(1);
        foreach (byte[] name in names)
        {
            builder.Add(new ReadFields { ReferenceId = 0, PositionZeroBased = 0, Flag = 4, MappingQuality = 0 }, name, [], [], 0, []);
        }

        int[] expected = FirstSeenIds(names.Select(n => Encoding.Latin1.GetString(n)));
        Assert.Equal(expected, builder.Build().NameIds.ToArray());
        Assert.Equal([0, 1, 2, 3, 4, 0, 5, 6, 7, 8, 4, 5, 7, 9, 10, 11], expected);
    }

    [Fact]
    public void Spans_that_disagree_with_the_sequence_length_are_refused()
    {
        var builder = new ReadBatchBuilder();
        var fields = new ReadFields { ReferenceId = 0, PositionZeroBased = 0, Flag = 0, MappingQuality = 60 };
        Assert.Throws<ArgumentException>(() => builder.Add(fields, "r"u8, [CigarOp.Pack(3, CigarOp.Match)], new byte[1], 3, new byte[3]));
        Assert.Throws<ArgumentException>(() => builder.Add(fields, "r"u8, [CigarOp.Pack(3, CigarOp.Match)], new byte[2], 3, new byte[2]));
        Assert.Equal(0, builder.Count);
    }

    private static void AssertEqual(IReadOnlyList<Record> reads, ReadBatch batch)
    {
        Assert.Equal(reads.Count, batch.Count);
        Assert.Equal(reads.Select(r => r.Fields.ReferenceId), batch.ReferenceIds.ToArray());
        Assert.Equal(reads.Select(r => r.Fields.PositionZeroBased), batch.StartsZeroBased.ToArray());
        Assert.Equal(reads.Select(ExpectedEnd), batch.EndsZeroBasedExclusive.ToArray());
        Assert.Equal(reads.Select(r => r.Fields.Flag), batch.Flags.ToArray());
        Assert.Equal(reads.Select(r => r.Fields.MappingQuality), batch.MappingQualities.ToArray());
        Assert.Equal(reads.Select(r => r.Fields.MateReferenceId), batch.MateReferenceIds.ToArray());
        Assert.Equal(reads.Select(r => r.Fields.MatePositionZeroBased), batch.MateStartsZeroBased.ToArray());
        Assert.Equal(reads.Select(r => r.Fields.TemplateLength), batch.TemplateLengths.ToArray());
        Assert.Equal(reads.Select(r => r.Length), batch.SequenceLengths.ToArray());
        Assert.Equal(reads.Select(r => r.Fields.NumberOfHits), batch.NumberOfHits.ToArray());
        Assert.Equal(reads.Select(r => (byte)r.Fields.SpliceStrand), batch.SpliceStrands.ToArray());
        Assert.Equal(FirstSeenIds(reads.Select(r => Encoding.Latin1.GetString(r.Name))), batch.NameIds.ToArray());
        Assert.Equal(Offsets(reads.Select(r => r.Cigar.Length)), batch.CigarOffsets.ToArray());
        Assert.Equal(Offsets(reads.Select(r => r.Packed.Length)), batch.SequenceOffsets.ToArray());
        Assert.Equal(Offsets(reads.Select(r => r.Quals.Length)), batch.QualityOffsets.ToArray());
        Assert.True(reads.SelectMany(r => r.Cigar).SequenceEqual(batch.Cigars.ToArray()));
        Assert.True(reads.SelectMany(r => r.Packed).SequenceEqual(batch.PackedBases.ToArray()));
        Assert.True(reads.SelectMany(r => r.Quals).SequenceEqual(batch.Qualities.ToArray()));
        for (int i = 0; i < reads.Count; i += 997)
        {
            Assert.Equal(reads[i].Cigar, batch.CigarOf(i).ToArray());
        }
    }

    private static int ExpectedEnd(Record r)
    {
        bool mapped = (r.Fields.Flag & (ushort)SamFlags.Unmapped) == 0 && r.Cigar.Length > 0;
        return mapped ? r.Fields.PositionZeroBased + CigarOp.ReferenceLength(r.Cigar) : r.Fields.PositionZeroBased + 1;
    }

    private static int[] Offsets(IEnumerable<int> lengths)
    {
        var offsets = new List<int> { 0 };
        foreach (int n in lengths)
        {
            offsets.Add(offsets[^1] + n);
        }

        return [.. offsets];
    }

    private static int[] FirstSeenIds(IEnumerable<string> names)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return names.Select(n => ids.TryGetValue(n, out int id) ? id : ids[n] = ids.Count).ToArray();
    }

    private static List<Record> RandomRecords(int seed, int count, int namePool)
    {
        var rng = new Random(seed);
        var records = new List<Record>(count);
        int[] ops = [CigarOp.Match, CigarOp.Insertion, CigarOp.Deletion, CigarOp.Skip, CigarOp.SoftClip, CigarOp.HardClip, CigarOp.Equal, CigarOp.Diff];
        for (int i = 0; i < count; i++)
        {
            int length = rng.Next(8) == 0 ? 0 : rng.Next(1, 400);
            uint[] cigar = Enumerable.Range(0, rng.Next(0, 7)).Select(_ => CigarOp.Pack(rng.Next(1, 60), ops[rng.Next(ops.Length)])).ToArray();
            byte[] packed = new byte[(length + 1) / 2];
            rng.NextBytes(packed);
            byte[] quals = new byte[length];
            rng.NextBytes(quals);

            // Names from a pool, so most repeat, some far apart; varied lengths and a shared prefix as real names have.
            int n = rng.Next(namePool);
            string name = $"c{n % 7}_SAMPLE_{n:D6}" + new string('z', n % 13);
            ushort flag = (ushort)(rng.Next(4096) & ~0x800);
            if (rng.Next(20) == 0)
            {
                flag |= (ushort)SamFlags.Unmapped;
            }

            records.Add(new Record(
                new ReadFields
                {
                    ReferenceId = rng.Next(-1, 3),
                    PositionZeroBased = rng.Next(-1, 1_000_000),
                    Flag = flag,
                    MappingQuality = (byte)rng.Next(256),
                    MateReferenceId = rng.Next(-1, 3),
                    MatePositionZeroBased = rng.Next(-1, 1_000_000),
                    TemplateLength = rng.Next(-1000, 1000),
                    NumberOfHits = rng.Next(0, 5),
                    SpliceStrand = (Strand)rng.Next(3),
                },
                Encoding.ASCII.GetBytes(name),
                cigar,
                packed,
                length,
                quals));
        }

        return records;
    }

    private sealed record Record(ReadFields Fields, byte[] Name, uint[] Cigar, byte[] Packed, int Length, byte[] Quals);
}
