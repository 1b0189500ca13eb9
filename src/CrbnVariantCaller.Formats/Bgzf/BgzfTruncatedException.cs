using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// The file ends in the middle of a BGZF block, or the decompressed data ends before a record or field that was expected is complete.
/// </summary>
public sealed class BgzfTruncatedException : InvalidInputFileException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a message that says what is wrong.</summary>
    public BgzfTruncatedException(string filePath, string message, Exception? inner = null)
        : base(filePath, message, inner)
    {
    }
}
