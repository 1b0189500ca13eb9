using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>A BAM file's content is malformed: a field is out of range, lengths disagree, or an aux field is unreadable.</summary>
public class BamFormatException : InvalidInputFileException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a message saying what is wrong.</summary>
    public BamFormatException(string filePath, string message, Exception? inner = null)
        : base(filePath, message, inner)
    {
    }
}
