using System.Buffers.Binary;
using CrbnVariantCaller.Formats.Bgzf;

namespace CrbnVariantCaller.Formats.Bam.Index;

/// <summary>
/// A parsed BAI or CSI index, and the chunk planning htslib's <c>hts_itr_query</c> does for a region: the bins that may
/// hold overlapping records, the smallest useful offset, and the merged list of file chunks to read.
/// </summary>
public sealed class BamIndex
{
    private static ReadOnlySpan<byte> BaiMagic => "BAI\u0001"u8;

    private static ReadOnlySpan<byte> CsiMagic => "CSI\u0001"u8;

    private readonly Dictionary<int, BinEntry>[] _bins;

    private BamIndex(string path, BamIndexKind kind, BinScheme scheme, Dictionary<int, BinEntry>[] bins, ulong? unplacedUnmapped)
    {
        FilePath = path;
        Kind = kind;
        Scheme = scheme;
        _bins = bins;
        UnplacedUnmappedCount = unplacedUnmapped;
    }

    /// <summary>The index file.</summary>
    public string FilePath { get; }

    /// <summary>BAI or CSI.</summary>
    public BamIndexKind Kind { get; }

    /// <summary>The binning scheme (fixed for BAI).</summary>
    public BinScheme Scheme { get; }

    /// <summary>Number of reference sequences the index describes.</summary>
    public int ReferenceCount => _bins.Length;

    /// <summary>The optional count of unplaced unmapped reads stored at the end of the index; null when absent.</summary>
    public ulong? UnplacedUnmappedCount { get; }

    /// <summary>Loads a BAI or CSI file, recognised by its magic.</summary>
    /// <exception cref="BamIndexFormatException">The file is neither, or is truncated or malformed.</exception>
    public static BamIndex Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] raw = File.ReadAllBytes(path);
        if (raw.Length == 0)
        {
            throw new BamIndexFormatException(path, "the index is empty (0 bytes), probably from an interrupted 'samtools index'; re-run it");
        }

        if (raw.Length >= 4 && raw.AsSpan(0, 4).SequenceEqual(BaiMagic))
        {
            return ParseBai(path, raw);
        }

        if (raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b)
        {
            byte[] data;
            using (var bgzf = new BgzfReader(new MemoryStream(raw), path, new BgzfReaderOptions { AllowMissingEofMarker = true }))
            {
                using var ms = new MemoryStream();
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = bgzf.Read(buffer)) > 0)
                {
                    ms.Write(buffer, 0, n);
                }

                data = ms.ToArray();
            }

            if (data.Length >= 4 && data.AsSpan(0, 4).SequenceEqual(CsiMagic))
            {
                return ParseCsi(path, data);
            }
        }

        throw new BamIndexFormatException(path, "not a BAM index: expected magic 'BAI\\1' or a BGZF-compressed 'CSI\\1'");
    }

    /// <summary>
    /// The chunks to read for records of reference <paramref name="referenceId"/> overlapping the 0-based half-open interval
    /// [<paramref name="start"/>, <paramref name="end"/>), in file order, exactly as htslib 1.16 plans them
    /// (bins from <c>reg2bins</c>, chunks clipped to the smallest and largest useful offsets, contained and adjacent chunks merged).
    /// </summary>
    public IReadOnlyList<IndexChunk> GetChunks(int referenceId, long start, long end)
    {
        if (start < 0)
        {
            start = 0;
        }

        if (end < start || referenceId < 0 || referenceId >= _bins.Length)
        {
            return [];
        }

        Dictionary<int, BinEntry> bidx = _bins[referenceId];
        if (bidx.Count == 0)
        {
            return [];
        }

        if (start >= Math.Min(end, Scheme.MaxPosition))
        {
            return [];
        }

        ulong minOff = MinimumOffset(bidx, start);
        ulong maxOff = MaximumOffset(bidx, Math.Min(end, Scheme.MaxPosition));

        // The bins of reg2bins that the index holds; testing each held bin keeps a wide region (or a corrupt CSI scheme
        // with 2^30 bottom bins) from listing every bin. The chunks are sorted below, so bin order does not matter.
        var offs = new List<(ulong U, ulong V)>();
        foreach ((int bin, BinEntry entry) in bidx)
        {
            if (!Scheme.InRegion(bin, start, end))
            {
                continue;
            }

            foreach ((ulong u, ulong v) in entry.Chunks)
            {
                if (v > minOff && u < maxOff)
                {
                    offs.Add((Math.Max(u, minOff), Math.Min(v, maxOff)));
                }
            }
        }

        if (offs.Count == 0)
        {
            return [];
        }

        offs.Sort((a, b) => a.U.CompareTo(b.U));

        // Drop chunks contained in the previous one.
        int l = 0;
        for (int i = 1; i < offs.Count; i++)
        {
            if (offs[l].V < offs[i].V)
            {
                offs[++l] = offs[i];
            }
        }

        int n = l + 1;

        // Resolve overlaps between neighbours.
        for (int i = 1; i < n; i++)
        {
            if (offs[i - 1].V >= offs[i].U)
            {
                offs[i - 1] = (offs[i - 1].U, offs[i].U);
            }
        }

        // Merge chunks that end and start in the same BGZF block.
        l = 0;
        for (int i = 1; i < n; i++)
        {
            if (offs[l].V >> 16 == offs[i].U >> 16)
            {
                offs[l] = (offs[l].U, offs[i].V);
            }
            else
            {
                offs[++l] = offs[i];
            }
        }

        var result = new IndexChunk[l + 1];
        for (int i = 0; i <= l; i++)
        {
            result[i] = new IndexChunk(new VirtualOffset(offs[i].U), new VirtualOffset(offs[i].V));
        }

        return result;
    }

    /// <summary>
    /// Where the unplaced unmapped records (samtools region <c>*</c>) start: after the last record of every placed reference,
    /// as htslib finds it from the pseudo-bins. Null when the index has no placed records.
    /// </summary>
    public VirtualOffset? UnplacedStart()
    {
        ulong? off = null;
        foreach (Dictionary<int, BinEntry> bidx in _bins)
        {
            if (bidx.TryGetValue(Scheme.MetaBin, out BinEntry? meta) && meta.Chunks.Length > 0)
            {
                ulong v = meta.Chunks[0].V;
                if (off is null || off < v)
                {
                    off = v;
                }
            }
        }

        return off is { } o ? new VirtualOffset(o) : null;
    }

    /// <summary>The mapped and unmapped record counts of a reference from its pseudo-bin, as <c>samtools idxstats</c> reports; null when absent.</summary>
    public (ulong Mapped, ulong Unmapped)? GetReferenceCounts(int referenceId)
    {
        if (referenceId < 0 || referenceId >= _bins.Length)
        {
            return null;
        }

        return _bins[referenceId].TryGetValue(Scheme.MetaBin, out BinEntry? meta) && meta.Chunks.Length >= 2
            ? (meta.Chunks[1].U, meta.Chunks[1].V)
            : null;
    }

    // htslib: walk left (and up) from the leaf bin of `start` to the nearest bin present; its smallest offset bounds the search.
    private ulong MinimumOffset(Dictionary<int, BinEntry> bidx, long start)
    {
        long leaf = BinScheme.FirstBinOfLevel(Scheme.Depth) + (start >> Scheme.MinShift);
        int bin = (int)Math.Min(leaf, int.MaxValue);
        BinEntry? found = null;
        do
        {
            if (bidx.TryGetValue(bin, out found))
            {
                break;
            }

            int first = (BinScheme.Parent(bin) << 3) + 1;
            bin = bin > first ? bin - 1 : BinScheme.Parent(bin);
        }
        while (bin != 0);

        if (bin == 0)
        {
            bidx.TryGetValue(0, out found);
        }

        return found?.LinearOffset ?? 0;
    }

    // htslib: the first chunk of the nearest present bin to the right of `end` bounds where reading can stop.
    private ulong MaximumOffset(Dictionary<int, BinEntry> bidx, long end)
    {
        long next = BinScheme.FirstBinOfLevel(Scheme.Depth) + ((end - 1) >> Scheme.MinShift) + 1;
        int bin = next >= Scheme.BinCount ? 0 : (int)next;
        while (true)
        {
            while (bin % 8 == 1)
            {
                bin = BinScheme.Parent(bin);
            }

            if (bin == 0)
            {
                return ulong.MaxValue;
            }

            if (bidx.TryGetValue(bin, out BinEntry? entry) && entry.Chunks.Length > 0)
            {
                return entry.Chunks[0].U;
            }

            bin++;
        }
    }

    private static BamIndex ParseBai(string path, byte[] raw)
    {
        var r = new IndexBytes(path, raw, 4);
        int nRef = r.Count("number of references", 8);
        var all = new Dictionary<int, BinEntry>[nRef];
        BinScheme scheme = BinScheme.Bai;
        for (int t = 0; t < nRef; t++)
        {
            int nBin = r.Count("number of bins", 8);
            var bidx = new Dictionary<int, BinEntry>(nBin);
            for (int b = 0; b < nBin; b++)
            {
                int bin = (int)r.UInt32("bin number");
                BinEntry entry = ReadChunks(ref r, 0);
                bidx[bin] = entry;
            }

            int nIntv = r.Count("number of linear-index intervals", 8);
            var linear = new ulong[nIntv];
            for (int i = 0; i < nIntv; i++)
            {
                linear[i] = r.UInt64("linear-index offset");
            }

            // htslib fills empty windows from the left, then gives each bin the linear offset of its first window.
            for (int i = 1; i < nIntv; i++)
            {
                if (linear[i] == 0)
                {
                    linear[i] = linear[i - 1];
                }
            }

            foreach ((int bin, BinEntry entry) in bidx)
            {
                if ((uint)bin < (uint)scheme.BinCount)
                {
                    long bot = scheme.BottomWindow(bin);
                    entry.LinearOffset = bot < nIntv ? linear[bot] : 0;
                }
            }

            all[t] = bidx;
        }

        ulong? noCoor = r.Remaining >= 8 ? r.UInt64("unplaced unmapped count") : null;
        return new BamIndex(path, BamIndexKind.Bai, scheme, all, noCoor);
    }

    private static BamIndex ParseCsi(string path, byte[] data)
    {
        var r = new IndexBytes(path, data, 4);
        int minShift = r.Int32("min_shift");
        int depth = r.Int32("depth");
        // Bin numbers are 32-bit, so a scheme with more than int.MaxValue bins (depth above 10) cannot be real.
        if (minShift < 1 || depth < 1 || depth > 10 || minShift + (3 * depth) > 62)
        {
            throw new BamIndexFormatException(path, $"CSI has an unusable binning scheme (min_shift {minShift}, depth {depth})");
        }

        int lAux = r.Int32("aux length");
        r.Skip(lAux, "aux data");
        var scheme = new BinScheme(minShift, depth);
        int nRef = r.Count("number of references", 4);
        var all = new Dictionary<int, BinEntry>[nRef];
        for (int t = 0; t < nRef; t++)
        {
            int nBin = r.Count("number of bins", 16);
            var bidx = new Dictionary<int, BinEntry>(nBin);
            for (int b = 0; b < nBin; b++)
            {
                int bin = (int)r.UInt32("bin number");
                ulong loffset = r.UInt64("bin loffset");
                bidx[bin] = ReadChunks(ref r, loffset);
            }

            all[t] = bidx;
        }

        ulong? noCoor = r.Remaining >= 8 ? r.UInt64("unplaced unmapped count") : null;
        return new BamIndex(path, BamIndexKind.Csi, scheme, all, noCoor);
    }

    private static BinEntry ReadChunks(ref IndexBytes r, ulong linearOffset)
    {
        int nChunk = r.Count("number of chunks", 16);
        var chunks = new (ulong U, ulong V)[nChunk];
        for (int c = 0; c < nChunk; c++)
        {
            chunks[c] = (r.UInt64("chunk start"), r.UInt64("chunk end"));
        }

        return new BinEntry(chunks) { LinearOffset = linearOffset };
    }

    private sealed class BinEntry((ulong U, ulong V)[] chunks)
    {
        public (ulong U, ulong V)[] Chunks { get; } = chunks;

        public ulong LinearOffset { get; set; }
    }

    private struct IndexBytes(string path, byte[] data, int position)
    {
        private int _pos = position;

        public readonly int Remaining => data.Length - _pos;

        public int Int32(string what)
        {
            int v = BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));
            if (v < 0)
            {
                throw new BamIndexFormatException(path, $"negative {what} ({v}) at byte {_pos - 4}");
            }

            return v;
        }

        /// <summary>
        /// A count of items of at least <paramref name="minItemBytes"/> each, checked against the bytes left before anything
        /// is allocated for it, so a corrupt count fails here instead of asking for gigabytes.
        /// </summary>
        public int Count(string what, int minItemBytes)
        {
            int n = Int32(what);
            if ((long)n * minItemBytes > Remaining)
            {
                throw new BamIndexFormatException(
                    path, $"{what} is {n} at byte {_pos - 4}, but only {Remaining} bytes are left (at least {minItemBytes} per item); the index is corrupt or truncated");
            }

            return n;
        }

        public uint UInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, what));

        public ulong UInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, what));

        public void Skip(int n, string what) => Take(n, what);

        private ReadOnlySpan<byte> Take(int n, string what)
        {
            if (data.Length - _pos < n)
            {
                throw new BamIndexFormatException(path, $"index is truncated: {what} at byte {_pos} needs {n} bytes, {data.Length - _pos} left");
            }

            ReadOnlySpan<byte> s = data.AsSpan(_pos, n);
            _pos += n;
            return s;
        }
    }
}
