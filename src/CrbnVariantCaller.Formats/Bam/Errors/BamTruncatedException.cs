namespace CrbnVariantCaller.Formats.Bam;

/// <summary>The BAM data ends in the middle of the header or of an alignment record.</summary>
public sealed class BamTruncatedException : BamFormatException
{
    /// <summary>Creates the exception with a message naming what was cut short.</summary>
    public BamTruncatedException(string filePath, string message, Exception? inner = null)
        : base(filePath, message, inner)
    {
    }
}
