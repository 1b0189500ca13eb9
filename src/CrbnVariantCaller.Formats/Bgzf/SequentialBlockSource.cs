using System.Diagnostics.CodeAnalysis;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Frames and inflates one block at a time on the caller's thread.</summary>
internal sealed class SequentialBlockSource : IBgzfBlockSource
{
    private readonly BgzfBlockFramer _framer;
    private readonly string _filePath;
    private readonly IBlockInflater _inflater;
    private readonly BgzfBlockBuffer _block = new();

    public SequentialBlockSource(BgzfBlockFramer framer, string filePath, DeflateBackend backend)
    {
        _framer = framer;
        _filePath = filePath;
        _inflater = DeflateCodecFactory.CreateInflater(backend);
    }

    public bool TryNext([NotNullWhen(true)] out BgzfBlockBuffer? block)
    {
        block = null;
        if (!_framer.TryReadBlock(_block.Compressed, out int length, out long address))
        {
            return false;
        }

        _block.Address = address;
        _block.CompressedLength = length;
        _block.Inflate(_inflater, _filePath);
        block = _block;
        return true;
    }

    public void Seek(long compressedOffset) => _framer.Seek(compressedOffset);

    public void Dispose()
    {
        _inflater.Dispose();
        _block.Dispose();
    }
}
