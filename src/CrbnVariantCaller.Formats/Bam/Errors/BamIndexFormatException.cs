using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>A BAI or CSI index file is malformed or truncated.</summary>
public sealed class BamIndexFormatException : InvalidInputFileException
{
    /// <summary>Creates the exception for the index at <paramref name="indexPath"/>.</summary>
    public BamIndexFormatException(string indexPath, string message, Exception? inner = null)
        : base(indexPath, message, inner)
    {
    }
}
