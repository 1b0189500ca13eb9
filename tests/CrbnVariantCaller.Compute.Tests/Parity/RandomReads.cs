using CrbnVariantCaller.Core.Alignment;
using System.Text;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Compute.Tests.Parity;

/// <summary>
/// Random but BAM-shaped reads, coordinate-sorted: single and paired (often overlapping) reads, every CIGAR
/// operation (S, H, I, D, N, P, =, X), all flag bits the kernels look at, N/IUPAC bases and qualities up to 0xFF.
/// </summary>
internal static class RandomReads
{
    public const int ReferenceLength = 5_000;

    /// <summary>A fresh seed per run, or CRBN_PARITY_SEED to replay a failure.</summary>
    public static int NewSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable("CRBN_PARITY_SEED"), out int fixedSeed) ? fixedSeed : Random.Shared.Next();

    public static ReadBatch Generate(int seed, int templates)
    {
        var rng = new Random(seed);
        var reads = new List<(int Ref, int Pos, string Name, ReadFields Fields, uint[] Cigar, byte[] Seq, int Len, byte[] Qual)>();
        for (int t = 0; t < templates; t++)
        {
            string name = "t" + t;
            int reference = rng.Next(10) == 0 ? 1 : 0;
            int pos = rng.Next(ReferenceLength - 400);
            bool paired = rng.Next(3) > 0;
            ushort common = 0;
            if (rng.Next(40) == 0) common |= (ushort)SamFlags.Duplicate;
            if (rng.Next(60) == 0) common |= (ushort)SamFlags.QcFail;
            if (rng.Next(50) == 0) common |= (ushort)SamFlags.Secondary;
            if (rng.Next(80) == 0) common |= (ushort)SamFlags.Supplementary;
            int nh = rng.Next(15) == 0 ? 2 : (rng.Next(2) == 0 ? 1 : 0);
            Strand xs = (Strand)rng.Next(3);
            if (!paired)
            {
                ushort flag = (ushort)(common | (rng.Next(2) == 0 ? (ushort)SamFlags.Reverse : (ushort)0));
                if (rng.Next(30) == 0) flag |= (ushort)SamFlags.Unmapped;
                AddRead(reference, pos, name, flag, -1, -1, 0, nh, xs);
                continue;
            }

            int matePos = Math.Min(ReferenceLength - 300, pos + rng.Next(-20, 160));
            matePos = Math.Max(0, matePos);
            int left = Math.Min(pos, matePos), right = Math.Max(pos, matePos);
            bool proper = rng.Next(8) > 0;
            bool mateUnmapped = rng.Next(25) == 0;
            int tlen = right - left + 100;
            ushort f1 = (ushort)(common | (ushort)SamFlags.Paired | (ushort)SamFlags.Read1 | (proper ? (ushort)SamFlags.ProperPair : 0));
            ushort f2 = (ushort)(common | (ushort)SamFlags.Paired | (ushort)SamFlags.Read2 | (proper ? (ushort)SamFlags.ProperPair : 0) | (ushort)SamFlags.Reverse);
            if (rng.Next(2) == 0)
            {
                (f1, f2) = ((ushort)(f1 | (ushort)SamFlags.Reverse), (ushort)(f2 & ~(ushort)SamFlags.Reverse));
            }

            if (mateUnmapped)
            {
                f1 |= (ushort)SamFlags.MateUnmapped;
                f2 |= (ushort)SamFlags.Unmapped;
            }

            AddRead(reference, left, name, f1, reference, right, tlen, nh, xs);
            AddRead(reference, mateUnmapped ? left : right, name, f2, reference, left, -tlen, nh, xs);
        }

        var builder = new ReadBatchBuilder(16);
        foreach (var r in reads.OrderBy(r => r.Ref).ThenBy(r => r.Pos))
        {
            builder.Add(r.Fields, Encoding.ASCII.GetBytes(r.Name), r.Cigar, r.Seq, r.Len, r.Qual);
        }

        return builder.Build();

        void AddRead(int reference, int pos, string name, ushort flag, int mateRef, int matePos, int tlen, int nh, Strand xs)
        {
            List<uint> cigar = RandomCigar(rng);
            int len = 0;
            foreach (uint w in cigar)
            {
                if (CigarOp.ConsumesQuery(CigarOp.Op(w))) len += CigarOp.Length(w);
            }

            if (rng.Next(100) == 0) len = Math.Max(0, len - rng.Next(1, 5)); // CIGAR longer than SEQ
            byte[] seq = new byte[(len + 1) / 2];
            byte[] qual = new byte[len];
            int[] codes = [1, 2, 4, 8, 1, 2, 4, 8, 1, 2, 4, 8, 15, 0, 3, 5];
            for (int i = 0; i < len; i++)
            {
                int code = codes[rng.Next(rng.Next(10) == 0 ? codes.Length : 12)];
                seq[i >> 1] |= (byte)((i & 1) == 0 ? code << 4 : code);
                qual[i] = rng.Next(50) == 0 ? (byte)255 : (byte)rng.Next(0, 42);
            }

            var fields = new ReadFields
            {
                ReferenceId = (flag & (ushort)SamFlags.Unmapped) != 0 && rng.Next(2) == 0 ? -1 : reference,
                PositionZeroBased = pos,
                Flag = flag,
                MappingQuality = (byte)(rng.Next(6) == 0 ? rng.Next(0, 10) : rng.Next(20, 61)),
                MateReferenceId = mateRef,
                MatePositionZeroBased = matePos,
                TemplateLength = tlen,
                NumberOfHits = nh,
                SpliceStrand = xs,
            };
            reads.Add((fields.ReferenceId < 0 ? int.MaxValue : fields.ReferenceId, pos, name, fields, [.. cigar], seq, len, qual));
        }
    }

    private static List<uint> RandomCigar(Random rng)
    {
        var cigar = new List<uint>();
        if (rng.Next(6) == 0) cigar.Add(CigarOp.Pack(rng.Next(1, 5), CigarOp.HardClip));
        if (rng.Next(4) == 0) cigar.Add(CigarOp.Pack(rng.Next(1, 12), CigarOp.SoftClip));
        if (rng.Next(40) == 0) cigar.Add(CigarOp.Pack(rng.Next(1, 3), CigarOp.Insertion));
        if (rng.Next(60) == 0) cigar.Add(CigarOp.Pack(rng.Next(1, 3), CigarOp.Deletion));
        int blocks = rng.Next(1, 5);
        for (int b = 0; b < blocks; b++)
        {
            int m = rng.Next(1, 60);
            int kind = rng.Next(10);
            cigar.Add(CigarOp.Pack(m, kind < 7 ? CigarOp.Match : kind < 9 ? CigarOp.Equal : CigarOp.Diff));
            if (b == blocks - 1) break;
            switch (rng.Next(9))
            {
                case 0: case 1: cigar.Add(CigarOp.Pack(rng.Next(1, 6), CigarOp.Insertion)); break;
                case 2: case 3: cigar.Add(CigarOp.Pack(rng.Next(1, 6), CigarOp.Deletion)); break;
                case 4: case 5: cigar.Add(CigarOp.Pack(rng.Next(30, 900), CigarOp.Skip)); break;
                case 6: cigar.Add(CigarOp.Pack(rng.Next(1, 3), CigarOp.Deletion)); cigar.Add(CigarOp.Pack(rng.Next(1, 3), CigarOp.Insertion)); break;
                case 7: cigar.Add(CigarOp.Pack(1, CigarOp.Pad)); cigar.Add(CigarOp.Pack(rng.Next(1, 4), CigarOp.Insertion)); break;
                default: break;
            }
        }

        if (rng.Next(40) == 0) cigar.Add(CigarOp.Pack(rng.Next(1, 3), CigarOp.Insertion));
        if (rng.Next(4) == 0) cigar.Add(CigarOp.Pack(rng.Next(1, 12), CigarOp.SoftClip));
        if (rng.Next(6) == 0) cigar.Add(CigarOp.Pack(rng.Next(1, 5), CigarOp.HardClip));
        return cigar;
    }

    /// <summary>Random genes/exons over the random reference, with nested and overlapping exons on both strands.</summary>
    public static FeatureIndex Features(int seed, out int geneCount)
    {
        var rng = new Random(seed ^ 0x5eed);
        geneCount = 12;
        var features = new List<FeatureInterval>();
        for (int g = 0; g < geneCount; g++)
        {
            int reference = g % 5 == 0 ? 1 : 0;
            var strand = (Strand)rng.Next(3);
            int start = rng.Next(1, ReferenceLength - 1500);
            int exons = rng.Next(1, 6);
            for (int e = 0; e < exons; e++)
            {
                int s = start + rng.Next(0, 1200);
                int len = rng.Next(20, 300);
                features.Add(new FeatureInterval(reference, new Position(s), new Position(s + len - 1), strand, g));
            }
        }

        return new FeatureIndex(features, geneCount);
    }
}
