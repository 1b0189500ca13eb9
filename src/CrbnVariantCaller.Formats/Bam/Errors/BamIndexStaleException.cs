using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// The index does not belong to the BAM as it is now: it is older than the BAM file, or it describes a different
/// number of reference sequences than the BAM header.
/// </summary>
public sealed class BamIndexStaleException : InvalidInputFileException
{
    /// <summary>Creates the exception for the index at <paramref name="indexPath"/>.</summary>
    public BamIndexStaleException(string indexPath, string message)
        : base(indexPath, message)
    {
    }
}
