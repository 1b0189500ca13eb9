namespace CrbnVariantCaller.Formats.Bam.Index;

/// <summary>The on-disk format of a BAM index.</summary>
public enum BamIndexKind
{
    /// <summary>BAI (<c>.bai</c>): fixed 16 kb / 6-level binning plus a linear index; uncompressed.</summary>
    Bai,

    /// <summary>CSI (<c>.csi</c>): configurable binning with a per-bin smallest offset; BGZF-compressed.</summary>
    Csi,
}
