using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// The file is not valid BGZF: wrong gzip magic, a gzip member without the BGZF `BC` extra field, a bad block size, corrupt DEFLATE data, or an empty file.
/// </summary>
public sealed class BgzfFormatException : InvalidInputFileException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a message that says what is wrong.</summary>
    public BgzfFormatException(string filePath, string message, Exception? inner = null)
        : base(filePath, message, inner)
    {
    }
}
