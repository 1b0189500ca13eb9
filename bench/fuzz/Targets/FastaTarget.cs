using System.Buffers.Binary;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Fuzz.Engine;
using CrbnVariantCaller.Fuzz.Mutation;

namespace CrbnVariantCaller.Fuzz.Targets;

/// <summary>Which file of an indexed FASTA a <see cref="FastaTarget"/> damages.</summary>
public enum FastaPart
{
    /// <summary>The plain FASTA text (its .fai left as it was).</summary>
    Fasta,

    /// <summary>The .fai of a plain FASTA.</summary>
    Fai,

    /// <summary>A FASTA with no .fai, which the reader indexes itself.</summary>
    Unindexed,

    /// <summary>The bgzipped FASTA (compressed level, or payload then recompressed, leaving the .gzi stale).</summary>
    BgzfFasta,

    /// <summary>The .gzi of a bgzipped FASTA.</summary>
    Gzi,
}

/// <summary>
/// FASTA with its .fai and, bgzipped, its .gzi: one part damaged, then opened and fetched the way crbn fetches the
/// reference (each contig's start and end, a region string, contig-name resolution).
/// </summary>
public sealed class FastaTarget : IFuzzTarget
{
    private const int GzBlockData = 100;
    private readonly FastaPart _part;
    private readonly byte[] _fasta = Seeds.Read("seed.fa");
    private readonly byte[] _fai = Seeds.Read("seed.fa.fai");
    private readonly byte[] _fastaGz;
    private readonly byte[] _gzi;

    public FastaTarget(FastaPart part)
    {
        _part = part;
        _fastaGz = BgzfMutations.Compress(_fasta, maxBlockData: GzBlockData);
        _gzi = GziFor(_fastaGz);
    }

    public string Name => _part switch
    {
        FastaPart.Fasta => "fasta",
        FastaPart.Fai => "fai",
        FastaPart.Unindexed => "fasta-unindexed",
        FastaPart.BgzfFasta => "fasta-bgzf",
        _ => "gzi",
    };

    private string MainName => _part is FastaPart.BgzfFasta or FastaPart.Gzi ? "ref.fa.gz" : "ref.fa";

    public FuzzInput Mutate(Random random) => _part switch
    {
        FastaPart.Fasta => new FuzzInput().With("ref.fa", TextMutations.Mutate(_fasta, random)).With("ref.fa.fai", _fai),
        FastaPart.Fai => new FuzzInput().With("ref.fa", _fasta).With("ref.fa.fai", TextMutations.Mutate(_fai, random)),
        FastaPart.Unindexed => FuzzInput.Single("ref.fa", TextMutations.Mutate(_fasta, random)),
        FastaPart.BgzfFasta => new FuzzInput()
            .With("ref.fa.gz", random.Next(2) == 0
                ? BgzfMutations.MutateCompressed(_fastaGz, random)
                : BgzfMutations.Compress(TextMutations.Mutate(_fasta, random), maxBlockData: GzBlockData))
            .With("ref.fa.gz.fai", _fai)
            .With("ref.fa.gz.gzi", _gzi),
        _ => new FuzzInput().With("ref.fa.gz", _fastaGz).With("ref.fa.gz.fai", _fai).With("ref.fa.gz.gzi", MutateGzi(_gzi, random)),
    };

    public void Consume(FuzzInput input, FuzzWorkspace workspace)
    {
        string path = workspace.Materialise(input, MainName);
        using IndexedFastaReader reader = IndexedFastaReader.Open(path, new FastaReaderOptions { BuildMissingIndex = _part == FastaPart.Unindexed });
        foreach (var contig in reader.Contigs.Take(50))
        {
            long length = reader.ContigLength(contig.Name);
            if (contig.Name.Length == 0 || length <= 0 || length > int.MaxValue)
            {
                continue;
            }

            int len = (int)length;
            reader.Fetch(new GenomicInterval(contig.Name, new Position(1), new Position(Math.Min(len, 400))));
            reader.Fetch(new GenomicInterval(contig.Name, new Position(Math.Max(1, len - 90)), new Position(len)));
            reader.TryResolveContig(contig.Name.ToUpperInvariant(), out _);
        }

        reader.FetchString("chr1:10-20");
    }

    private static byte[] GziFor(byte[] bgzf)
    {
        List<(int Offset, int Length)> blocks = BgzfMutations.Blocks(bgzf);
        int entries = blocks.Count - 2; // the first block is implicit, the empty EOF block is not listed
        byte[] gzi = new byte[8 + (16 * entries)];
        BinaryPrimitives.WriteUInt64LittleEndian(gzi, (ulong)entries);
        for (int i = 1; i <= entries; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(gzi.AsSpan(8 + (16 * (i - 1))), (ulong)blocks[i].Offset);
            BinaryPrimitives.WriteUInt64LittleEndian(gzi.AsSpan(16 + (16 * (i - 1))), (ulong)(i * GzBlockData));
        }

        return gzi;
    }

    private static byte[] MutateGzi(byte[] gzi, Random random)
    {
        if (random.Next(3) == 0)
        {
            return ByteMutations.Mutate(gzi, random);
        }

        byte[] data = (byte[])gzi.Clone();
        ByteMutations.SetField(data, 8 * random.Next(data.Length / 8), 8, random);
        return data;
    }
}
