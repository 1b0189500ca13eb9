using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bam.Index;
using CrbnVariantCaller.Fuzz.Engine;
using CrbnVariantCaller.Fuzz.Mutation;

namespace CrbnVariantCaller.Fuzz.Targets;

/// <summary>
/// BAI or CSI: the index's integer fields (n_ref, n_bin, bin, n_chunk, chunk offsets, n_intv, linear offsets; for CSI
/// also min_shift, depth, l_aux and loffset) overwritten with boundary values, or blind byte damage; CSI is mutated
/// decompressed and recompressed, or at the compressed level. The index is then loaded, planned over every reference,
/// and used for region queries on the (valid) seed BAM.
/// </summary>
public sealed class BamIndexTarget : IFuzzTarget
{
    private readonly bool _csi;
    private readonly byte[] _bam = Seeds.Read("seed.bam");
    private readonly byte[] _seed;
    private readonly string _indexName;

    public BamIndexTarget(bool csi)
    {
        _csi = csi;
        _indexName = csi ? "case.bam.csi" : "case.bam.bai";
        byte[] raw = Seeds.Read(csi ? "seed.bam.csi" : "seed.bam.bai");
        _seed = csi ? BgzfMutations.Decompress(raw) : raw;
    }

    public string Name => _csi ? "csi" : "bai";

    public FuzzInput Mutate(Random random)
    {
        byte[] index;
        if (_csi && random.Next(4) == 0)
        {
            index = BgzfMutations.MutateCompressed(BgzfMutations.Compress(_seed), random);
        }
        else
        {
            index = MutateFields(_seed, random);
            if (_csi)
            {
                index = BgzfMutations.Compress(index, random);
            }
        }

        return new FuzzInput().With("case.bam", _bam).With(_indexName, index);
    }

    public void Consume(FuzzInput input, FuzzWorkspace workspace)
    {
        string bamPath = workspace.Materialise(input, "case.bam");
        string indexPath = Path.Combine(Path.GetDirectoryName(bamPath)!, _indexName);
        BamIndex index = BamIndex.Load(indexPath);
        for (int r = 0; r < Math.Min(index.ReferenceCount, 64); r++)
        {
            index.GetChunks(r, 0, 10_000);
            index.GetChunks(r, 150, 400);
            index.GetChunks(r, 0, long.MaxValue);
            index.GetReferenceCounts(r);
        }

        index.UnplacedStart();
        using var reader = new BamReader(bamPath);
        reader.LoadIndex(indexPath);
        var formatter = new SamTextFormatter(reader.Header);
        var record = new BamRecord();
        for (int r = 0; r < reader.Header.References.Count; r++)
        {
            BamQuery query = reader.Query(r, 0, reader.Header.References[r].Length);
            for (int n = 0; n < 1000 && query.ReadRecord(record); n++)
            {
                BamConsumer.Touch(record, formatter);
            }
        }

        BamQuery unplaced = reader.QueryUnplaced();
        for (int n = 0; n < 1000 && unplaced.ReadRecord(record); n++)
        {
            BamConsumer.Touch(record, formatter);
        }
    }

    private static byte[] MutateFields(byte[] seed, Random random)
    {
        if (random.Next(4) == 0)
        {
            return ByteMutations.Mutate(seed, random);
        }

        byte[] data = (byte[])seed.Clone();
        int count = 1 + random.Next(3);
        for (int k = 0; k < count; k++)
        {
            int width = random.Next(3) == 0 ? 8 : 4;
            int offset = 4 * random.Next(Math.Max(1, (data.Length - width) / 4 + 1));
            ByteMutations.SetField(data, offset, width, random);
        }

        return data;
    }
}
