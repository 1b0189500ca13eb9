using System.Globalization;
using System.Text;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Compute.Tests.Oracle;

/// <summary>
/// Loads a corpus file into a <see cref="ReadBatch"/> through <c>samtools view</c> text output (test-only: the
/// production path is the BAM reader in Formats; this keeps the kernel tests independent of it).
/// </summary>
internal static class SamText
{
    private const string Nt16 = "=ACMGRSVTWYHKDBN";

    public sealed record Loaded(ReadBatch Batch, IReadOnlyList<string> ReferenceNames, string Path)
    {
        public (int RefId, int Start, int End) Resolve(string region)
        {
            int colon = region.LastIndexOf(':');
            string contig = region[..colon];
            string[] range = region[(colon + 1)..].Replace(",", "", StringComparison.Ordinal).Split('-');
            int refId = ReferenceNames.ToList().IndexOf(contig);
            return (refId, int.Parse(range[0], CultureInfo.InvariantCulture), int.Parse(range[1], CultureInfo.InvariantCulture));
        }
    }

    public static Loaded Load(string relativePath, string? region = null)
    {
        string path = System.IO.Path.Combine(RepoPaths.Corpus, relativePath);
        string header = ExternalTool.Run("samtools", "view", "-H", path);
        var names = header.Split('\n')
            .Where(l => l.StartsWith("@SQ", StringComparison.Ordinal))
            .Select(l => l.Split('\t').First(f => f.StartsWith("SN:", StringComparison.Ordinal))[3..])
            .ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        string body = region is null ? ExternalTool.Run("samtools", "view", path) : ExternalTool.Run("samtools", "view", path, region);
        var builder = new ReadBatchBuilder(4096);
        var cigar = new List<uint>();
        foreach (string line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            int refId = f[2] == "*" ? -1 : index[f[2]];
            int mateRef = f[6] == "*" ? -1 : f[6] == "=" ? refId : index[f[6]];
            cigar.Clear();
            if (f[5] != "*")
            {
                int n = 0;
                foreach (char c in f[5])
                {
                    if (char.IsAsciiDigit(c))
                    {
                        n = (n * 10) + (c - '0');
                        continue;
                    }

                    cigar.Add(CigarOp.Pack(n, "MIDNSHP=X".IndexOf(c, StringComparison.Ordinal)));
                    n = 0;
                }
            }

            string seqText = f[9] == "*" ? "" : f[9];
            byte[] seq = new byte[(seqText.Length + 1) / 2];
            for (int i = 0; i < seqText.Length; i++)
            {
                int code = Nt16.IndexOf(char.ToUpperInvariant(seqText[i]), StringComparison.Ordinal);
                code = code < 0 ? 15 : code;
                seq[i >> 1] |= (byte)((i & 1) == 0 ? code << 4 : code);
            }

            byte[] qual = new byte[seqText.Length];
            for (int i = 0; i < qual.Length; i++)
            {
                qual[i] = f[10] == "*" ? (byte)0xFF : (byte)(f[10][i] - 33);
            }

            int nh = 0;
            Strand xs = Strand.Unknown;
            for (int t = 11; t < f.Length; t++)
            {
                if (f[t].StartsWith("NH:i:", StringComparison.Ordinal))
                {
                    nh = int.Parse(f[t].AsSpan(5), CultureInfo.InvariantCulture);
                }
                else if (f[t].StartsWith("XS:A:", StringComparison.Ordinal))
                {
                    xs = f[t][5] == '+' ? Strand.Plus : f[t][5] == '-' ? Strand.Minus : Strand.Unknown;
                }
            }

            builder.Add(
                new ReadFields
                {
                    ReferenceId = refId,
                    PositionZeroBased = int.Parse(f[3], CultureInfo.InvariantCulture) - 1,
                    Flag = ushort.Parse(f[1], CultureInfo.InvariantCulture),
                    MappingQuality = byte.Parse(f[4], CultureInfo.InvariantCulture),
                    MateReferenceId = mateRef,
                    MatePositionZeroBased = int.Parse(f[7], CultureInfo.InvariantCulture) - 1,
                    TemplateLength = int.Parse(f[8], CultureInfo.InvariantCulture),
                    NumberOfHits = nh,
                    SpliceStrand = xs,
                },
                Encoding.ASCII.GetBytes(f[0]),
                cigar.ToArray(),
                seq,
                seqText.Length,
                qual);
        }

        return new Loaded(builder.Build(), names, path);
    }
}
