namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// The write-only <see cref="Stream"/> members of <see cref="BgzfWriter"/>. It exists so that the writer can expose
/// <c>Position</c> as a <see cref="VirtualOffset"/>: through a plain <see cref="Stream"/> reference,
/// <see cref="Stream.Position"/> is the count of uncompressed bytes written so far.
/// </summary>
public abstract class BgzfStreamBase : Stream
{
    /// <summary>Uncompressed bytes written so far.</summary>
    protected long UncompressedBytesWritten { get; set; }

    /// <inheritdoc />
    public sealed override bool CanRead => false;

    /// <inheritdoc />
    public sealed override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public sealed override long Length => throw new NotSupportedException("a BGZF writer cannot report its length");

    /// <summary>Uncompressed bytes written so far; cannot be set.</summary>
    public sealed override long Position
    {
        get => UncompressedBytesWritten;
        set => throw new NotSupportedException("a BGZF writer cannot seek");
    }

    /// <inheritdoc />
    public sealed override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("a BGZF writer cannot read");

    /// <inheritdoc />
    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a BGZF writer cannot seek");

    /// <inheritdoc />
    public sealed override void SetLength(long value) => throw new NotSupportedException("a BGZF writer cannot set its length");
}
