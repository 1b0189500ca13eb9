namespace CrbnVariantCaller.Core.Genome;

/// <summary>A human reference genome assembly.</summary>
public enum GenomeBuild
{
    /// <summary>The build could not be determined (too little evidence, or conflicting evidence).</summary>
    Unknown = 0,

    /// <summary>GRCh37 (hg19, b37, hs37d5).</summary>
    GRCh37 = 37,

    /// <summary>GRCh38 (hg38).</summary>
    GRCh38 = 38,
}
