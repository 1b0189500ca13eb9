using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Fasta;

/// <summary>A FASTA file has no <c>.fai</c> index beside it.</summary>
public sealed class FastaIndexMissingException : InvalidInputFileException
{
    /// <summary>Creates the exception; the message says how to build the index.</summary>
    public FastaIndexMissingException(string fastaPath, string indexPath)
        : base(fastaPath, $"FASTA index {Path.GetFileName(indexPath)} not found; create it with: samtools faidx {fastaPath}")
    {
        IndexPath = indexPath;
    }

    /// <summary>Where the index was looked for.</summary>
    public string IndexPath { get; }
}

/// <summary>A bgzip-compressed FASTA has no <c>.gzi</c> block index beside it.</summary>
public sealed class GziIndexMissingException : InvalidInputFileException
{
    /// <summary>Creates the exception; the message says how to build the index.</summary>
    public GziIndexMissingException(string fastaPath, string indexPath)
        : base(fastaPath, $"bgzip-compressed FASTA needs its block index {Path.GetFileName(indexPath)}, which is missing; create it with: samtools faidx {fastaPath}")
    {
        IndexPath = indexPath;
    }

    /// <summary>Where the index was looked for.</summary>
    public string IndexPath { get; }
}

/// <summary>A <c>.fai</c> or <c>.gzi</c> index is malformed or does not fit its FASTA.</summary>
public sealed class FastaIndexFormatException : InvalidInputFileException
{
    /// <summary>Creates the exception for <paramref name="indexPath"/>.</summary>
    public FastaIndexFormatException(string indexPath, string message)
        : base(indexPath, message)
    {
    }
}

/// <summary>A FASTA file is malformed (inconsistent line lengths, gzip that is not BGZF, data that disagrees with its index).</summary>
public sealed class FastaFormatException : InvalidInputFileException
{
    /// <summary>Creates the exception for <paramref name="fastaPath"/>.</summary>
    public FastaFormatException(string fastaPath, string message)
        : base(fastaPath, message)
    {
    }
}

/// <summary>A requested contig is not in the FASTA.</summary>
public sealed class FastaContigNotFoundException : InvalidInputFileException
{
    /// <summary>Creates the exception; <paramref name="suggestion"/> names the same chromosome under the other naming style, if present.</summary>
    public FastaContigNotFoundException(string fastaPath, string contig, int contigCount, string? suggestion)
        : base(fastaPath, $"contig {contig} is not in {Path.GetFileName(fastaPath)} ({contigCount} contigs)"
            + (suggestion is null ? string.Empty : $"; it has {suggestion}: the BAM and the reference name chromosomes differently"))
    {
        Contig = contig;
    }

    /// <summary>The contig asked for.</summary>
    public string Contig { get; }
}

/// <summary>A requested region extends past the end of its contig.</summary>
public sealed class FastaRegionOutOfRangeException : InvalidInputFileException
{
    /// <summary>Creates the exception.</summary>
    public FastaRegionOutOfRangeException(string fastaPath, string region, string contig, long contigLength)
        : base(fastaPath, string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"region {region} extends past the end of {contig} ({contigLength:N0} bp) in {Path.GetFileName(fastaPath)}"))
    {
        Contig = contig;
        ContigLength = contigLength;
    }

    /// <summary>The contig of the region.</summary>
    public string Contig { get; }

    /// <summary>Its length in the FASTA.</summary>
    public long ContigLength { get; }
}
