using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// Indel alleles read from the CIGARs of the reads that cover candidate positions (where the pileup saw insertions or
/// deletions), left-normalised against the reference so that the same event written at different places in a repeat
/// is counted once. Each template counts once (overlapping mates).
/// </summary>
internal static class IndelEvidence
{
    /// <summary>One left-normalised indel allele and the reads supporting it.</summary>
    public sealed class Allele
    {
        public required int AnchorZeroBased { get; init; }
        public required string Ref { get; init; }
        public required string Alt { get; init; }
        public int Forward { get; set; }
        public int Reverse { get; set; }
        public List<int> DistancesFromEnd { get; } = [];
        public HashSet<int> Templates { get; } = [];
    }

    /// <summary>
    /// Walks the reads covering <paramref name="sites"/> (0-based) and collects every indel whose normalised anchor
    /// lies in <paramref name="anchors"/> (0-based, sorted).
    /// </summary>
    public static Dictionary<(int, string, string), Allele> Collect(ReadSiteWalker walker, IReadOnlyList<int> sites, IReadOnlyList<int> anchors, ReferenceSlice reference)
    {
        var alleles = new Dictionary<(int, string, string), Allele>();
        var visited = new HashSet<int>();
        ReadBatch batch = walker.Batch;
        foreach (int site in sites)
        {
            foreach (int r in walker.ReadsCovering(site))
            {
                if (!visited.Add(r))
                {
                    continue;
                }

                ReadOnlySpan<uint> cigar = batch.CigarOf(r);
                int refPos = batch.StartsZeroBased[r];
                int q = 0;
                int alignedFirst = -1;
                int alignedLast = -1;
                List<(int Anchor, string Ref, string Alt, int Query)> events = [];
                for (int k = 0; k < cigar.Length; k++)
                {
                    int op = CigarOp.Op(cigar[k]);
                    int len = CigarOp.Length(cigar[k]);
                    if (CigarOp.IsAlignedBase(op))
                    {
                        alignedFirst = alignedFirst < 0 ? q : alignedFirst;
                        alignedLast = q + len - 1;
                        q += len;
                        refPos += len;
                    }
                    else if (op == CigarOp.Insertion)
                    {
                        if (k > 0 && refPos > 0)
                        {
                            char[] inserted = new char[len];
                            for (int i = 0; i < len; i++)
                            {
                                inserted[i] = "=ACMGRSVTWYHKDBN"[batch.BaseCode(r, q + i)];
                            }

                            if (TryNormaliseInsertion(reference, refPos - 1, new string(inserted), out var e))
                            {
                                events.Add((e.Anchor, e.Ref, e.Alt, q));
                            }
                        }

                        q += len;
                    }
                    else if (op == CigarOp.Deletion)
                    {
                        if (TryNormaliseDeletion(reference, refPos, refPos + len - 1, out var e))
                        {
                            events.Add((e.Anchor, e.Ref, e.Alt, q));
                        }

                        refPos += len;
                    }
                    else if (op == CigarOp.SoftClip)
                    {
                        q += len;
                    }
                    else if (op == CigarOp.Skip)
                    {
                        refPos += len;
                    }
                }

                bool reverse = (batch.Flags[r] & (ushort)SamFlags.Reverse) != 0;
                foreach ((int anchor, string refAllele, string altAllele, int query) in events)
                {
                    if (!Contains(anchors, anchor))
                    {
                        continue;
                    }

                    var key = (anchor, refAllele, altAllele);
                    if (!alleles.TryGetValue(key, out Allele? allele))
                    {
                        allele = new Allele { AnchorZeroBased = anchor, Ref = refAllele, Alt = altAllele };
                        alleles.Add(key, allele);
                    }

                    if (!allele.Templates.Add(batch.NameIds[r]))
                    {
                        continue;
                    }

                    if (reverse)
                    {
                        allele.Reverse++;
                    }
                    else
                    {
                        allele.Forward++;
                    }

                    allele.DistancesFromEnd.Add(Math.Max(0, Math.Min(query - alignedFirst, alignedLast - query)));
                }
            }
        }

        return alleles;
    }

    /// <summary>Copies of the indel's repeat unit in the reference starting right after the anchor (1 outside repeats).</summary>
    public static int RepeatCount(ReferenceSlice reference, int anchorZeroBased, string refAllele, string altAllele)
    {
        string unit = refAllele.Length > altAllele.Length ? refAllele[1..] : altAllele[1..];
        int period = SmallestPeriod(unit);
        string motif = unit[..period];
        int count = 0;
        int g = anchorZeroBased + 2; // 1-based first base after the anchor
        while (true)
        {
            for (int i = 0; i < period; i++)
            {
                var p = new Position(g + i);
                if (!reference.Contains(p) || reference.BaseAt(p) != (byte)motif[i])
                {
                    return Math.Max(1, count);
                }
            }

            count++;
            g += period;
        }
    }

    private static int SmallestPeriod(string s)
    {
        for (int p = 1; p < s.Length; p++)
        {
            if (s.Length % p != 0)
            {
                continue;
            }

            bool ok = true;
            for (int i = p; i < s.Length && ok; i++)
            {
                ok = s[i] == s[i - p];
            }

            if (ok)
            {
                return p;
            }
        }

        return s.Length;
    }

    private static bool Contains(IReadOnlyList<int> sorted, int value)
    {
        int lo = 0;
        int hi = sorted.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] == value)
            {
                return true;
            }

            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    /// <summary>Deletion of 0-based [s, e]: shift left while the base before equals the last deleted base.</summary>
    private static bool TryNormaliseDeletion(ReferenceSlice reference, int s, int e, out (int Anchor, string Ref, string Alt) result)
    {
        result = default;
        if (!In(reference, s - 1) || !In(reference, e))
        {
            return false;
        }

        while (In(reference, s - 2) && At(reference, s - 1) == At(reference, e))
        {
            s--;
            e--;
        }

        char anchor = (char)At(reference, s - 1);
        var refAllele = new char[e - s + 2];
        for (int i = 0; i < refAllele.Length; i++)
        {
            refAllele[i] = (char)At(reference, s - 1 + i);
        }

        result = (s - 1, new string(refAllele), anchor.ToString());
        return true;
    }

    /// <summary>Insertion of <paramref name="inserted"/> after 0-based <paramref name="p"/>: rotate left while possible.</summary>
    private static bool TryNormaliseInsertion(ReferenceSlice reference, int p, string inserted, out (int Anchor, string Ref, string Alt) result)
    {
        result = default;
        if (!In(reference, p) || inserted.Any(c => "ACGT".IndexOf(c) < 0))
        {
            return false;
        }

        while (In(reference, p - 1) && At(reference, p) == (byte)inserted[^1])
        {
            inserted = inserted[^1] + inserted[..^1];
            p--;
        }

        char anchor = (char)At(reference, p);
        result = (p, anchor.ToString(), anchor + inserted);
        return true;
    }

    private static bool In(ReferenceSlice reference, int zeroBased) => zeroBased >= 0 && reference.Contains(Position.FromZeroBased(zeroBased));

    private static byte At(ReferenceSlice reference, int zeroBased) => reference.BaseAt(Position.FromZeroBased(zeroBased));
}
