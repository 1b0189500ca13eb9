namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>How a <see cref="BgzfReader"/> opens and decompresses its input.</summary>
public sealed record BgzfReaderOptions
{
    /// <summary>Inflate worker threads. 1 inflates on the calling thread; more read ahead and inflate blocks in parallel.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Accept a seekable file without the 28-byte end-of-file marker. Off by default: samtools treats a missing marker
    /// as a sign of truncation, and so does this reader (it throws <see cref="BgzfMissingEofException"/> at open).
    /// </summary>
    public bool AllowMissingEofMarker { get; init; }

    /// <summary>Leave a caller-supplied stream open when the reader is disposed.</summary>
    public bool LeaveOpen { get; init; }

    /// <summary>Forces a DEFLATE implementation (tests use this to cover both); null picks libdeflate when it loads.</summary>
    internal DeflateBackend? Backend { get; init; }
}
