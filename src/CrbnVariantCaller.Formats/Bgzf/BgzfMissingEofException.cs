using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// The file lacks the 28-byte BGZF end-of-file marker block, which samtools treats as a sign that the file was truncated.
/// </summary>
public sealed class BgzfMissingEofException : InvalidInputFileException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a message that says what is wrong.</summary>
    public BgzfMissingEofException(string filePath, string message, Exception? inner = null)
        : base(filePath, message, inner)
    {
    }
}
