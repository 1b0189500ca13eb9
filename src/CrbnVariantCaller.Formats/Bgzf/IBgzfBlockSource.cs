using System.Diagnostics.CodeAnalysis;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Delivers inflated, checked BGZF blocks in file order.</summary>
internal interface IBgzfBlockSource : IDisposable
{
    /// <summary>
    /// The next block in file order, or false at the end of the stream. The block stays valid until the next call of
    /// <see cref="TryNext"/> or <see cref="Seek"/>.
    /// </summary>
    bool TryNext([NotNullWhen(true)] out BgzfBlockBuffer? block);

    /// <summary>Makes the block at <paramref name="compressedOffset"/> the next one <see cref="TryNext"/> returns.</summary>
    void Seek(long compressedOffset);
}
