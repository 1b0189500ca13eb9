namespace CrbnVariantCaller.Core.Genome;

/// <summary>How a reference names its primary chromosomes.</summary>
public enum ContigNaming
{
    /// <summary>No primary chromosome was recognised, or both styles were seen.</summary>
    Unknown = 0,

    /// <summary>UCSC style: <c>chr1</c> … <c>chr22</c>, <c>chrX</c>, <c>chrY</c>, <c>chrM</c>.</summary>
    WithChr = 1,

    /// <summary>Ensembl/NCBI style: <c>1</c> … <c>22</c>, <c>X</c>, <c>Y</c>, <c>MT</c>.</summary>
    WithoutChr = 2,
}
