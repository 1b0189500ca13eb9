using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>A region names a contig that the BAM header does not declare.</summary>
public sealed class UnknownContigException : InvalidInputFileException
{
    /// <summary>Creates the exception for <paramref name="contig"/> missing from the header of <paramref name="bamPath"/>.</summary>
    public UnknownContigException(string bamPath, string contig)
        : base(bamPath, $"region names contig '{contig}', which is not in the BAM header")
    {
        Contig = contig;
    }

    /// <summary>The contig name that was not found.</summary>
    public string Contig { get; }
}
