namespace CrbnVariantCaller.Compute.Batches;

/// <summary>SAM FLAG bits used by the kernels.</summary>
[Flags]
public enum SamFlags : ushort
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>0x1: template has multiple segments.</summary>
    Paired = 0x1,

    /// <summary>0x2: each segment properly aligned.</summary>
    ProperPair = 0x2,

    /// <summary>0x4: segment unmapped.</summary>
    Unmapped = 0x4,

    /// <summary>0x8: next segment unmapped.</summary>
    MateUnmapped = 0x8,

    /// <summary>0x10: SEQ reverse complemented.</summary>
    Reverse = 0x10,

    /// <summary>0x20: SEQ of the next segment reverse complemented.</summary>
    MateReverse = 0x20,

    /// <summary>0x40: first segment.</summary>
    Read1 = 0x40,

    /// <summary>0x80: last segment.</summary>
    Read2 = 0x80,

    /// <summary>0x100: secondary alignment.</summary>
    Secondary = 0x100,

    /// <summary>0x200: not passing quality controls.</summary>
    QcFail = 0x200,

    /// <summary>0x400: PCR or optical duplicate.</summary>
    Duplicate = 0x400,

    /// <summary>0x800: supplementary alignment.</summary>
    Supplementary = 0x800,
}
