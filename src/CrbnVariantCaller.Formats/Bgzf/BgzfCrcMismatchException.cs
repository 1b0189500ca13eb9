using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// A BGZF block's decompressed data does not match the CRC32 or the uncompressed size (ISIZE) stored in its trailer. The message names the block's compressed offset.
/// </summary>
public sealed class BgzfCrcMismatchException : InvalidInputFileException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a message that says what is wrong.</summary>
    public BgzfCrcMismatchException(string filePath, string message, Exception? inner = null)
        : base(filePath, message, inner)
    {
    }
}
