namespace CrbnVariantCaller.Core.Alignment;

/// <summary>The bitwise FLAG field of a SAM/BAM record (SAM specification §1.4.2).</summary>
[Flags]
public enum SamFlags : ushort
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>0x1: the template has multiple segments (paired).</summary>
    Paired = 0x1,

    /// <summary>0x2: each segment is properly aligned.</summary>
    ProperPair = 0x2,

    /// <summary>0x4: this segment is unmapped.</summary>
    Unmapped = 0x4,

    /// <summary>0x8: the next segment is unmapped.</summary>
    MateUnmapped = 0x8,

    /// <summary>0x10: SEQ is reverse complemented.</summary>
    Reverse = 0x10,

    /// <summary>0x20: SEQ of the next segment is reverse complemented.</summary>
    MateReverse = 0x20,

    /// <summary>0x40: the first segment of the template.</summary>
    Read1 = 0x40,

    /// <summary>0x80: the last segment of the template.</summary>
    Read2 = 0x80,

    /// <summary>0x100: a secondary alignment.</summary>
    Secondary = 0x100,

    /// <summary>0x200: did not pass quality controls.</summary>
    QcFail = 0x200,

    /// <summary>0x400: PCR or optical duplicate.</summary>
    Duplicate = 0x400,

    /// <summary>0x800: a supplementary alignment.</summary>
    Supplementary = 0x800,
}
