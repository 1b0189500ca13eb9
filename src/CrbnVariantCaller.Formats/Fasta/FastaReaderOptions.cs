namespace CrbnVariantCaller.Formats.Fasta;

/// <summary>Options for <see cref="IndexedFastaReader"/>.</summary>
public sealed record FastaReaderOptions
{
    /// <summary>Upper-case fetched bases (soft-masked <c>acgt</c> become <c>ACGT</c>). Off by default, as in samtools faidx.</summary>
    public bool UpperCase { get; init; }

    /// <summary>
    /// For a plain FASTA without a <c>.fai</c>, build the index in memory instead of failing (the file is read once).
    /// Off by default: a missing index usually means the wrong file.
    /// </summary>
    public bool BuildMissingIndex { get; init; }
}
