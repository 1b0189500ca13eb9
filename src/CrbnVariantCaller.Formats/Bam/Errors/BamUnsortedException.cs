using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// A region query needs a coordinate-sorted BAM, but the header declares another order
/// (<c>SO:unsorted</c>, <c>SO:queryname</c>) or the records were found out of coordinate order.
/// </summary>
public sealed class BamUnsortedException : InvalidInputFileException
{
    /// <summary>Creates the exception with a message naming the offending sort order or records.</summary>
    public BamUnsortedException(string bamPath, string message)
        : base(bamPath, message)
    {
    }
}
