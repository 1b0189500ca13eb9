using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>A region query was asked of a BAM that has no BAI or CSI index beside it.</summary>
public sealed class BamIndexMissingException : InvalidInputFileException
{
    /// <summary>Creates the exception; <paramref name="triedPaths"/> lists the index paths that were looked for.</summary>
    public BamIndexMissingException(string bamPath, IReadOnlyList<string> triedPaths)
        : base(bamPath, $"no index found for region query (looked for {string.Join(", ", triedPaths)}); run 'samtools index' first")
    {
        TriedPaths = triedPaths;
    }

    /// <summary>The index paths that were looked for.</summary>
    public IReadOnlyList<string> TriedPaths { get; }
}
