using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Counts;

/// <summary>
/// Which reads a kernel looks at. Unmapped reads and reads with refID −1 are always skipped.
/// The defaults match <c>samtools mpileup</c>/<c>samtools depth</c>: skip UNMAP, SECONDARY, QCFAIL and DUP.
/// </summary>
public sealed record ReadFilter
{
    /// <summary>The samtools default exclusion mask: UNMAP | SECONDARY | QCFAIL | DUP (0x704).</summary>
    public const SamFlags DefaultExcludeFlags = SamFlags.Unmapped | SamFlags.Secondary | SamFlags.QcFail | SamFlags.Duplicate;

    /// <summary>The default filter.</summary>
    public static ReadFilter Default { get; } = new();

    /// <summary>Reads with MAPQ below this are skipped (samtools <c>-q</c>/<c>-Q</c> for depth).</summary>
    public int MinMappingQuality { get; init; }

    /// <summary>Reads with any of these bits are skipped (samtools <c>--ff</c>, depth <c>-G</c>).</summary>
    public SamFlags ExcludeFlags { get; init; } = DefaultExcludeFlags;

    /// <summary>Reads must carry all of these bits (like <c>samtools view -f</c>).</summary>
    public SamFlags RequireFlags { get; init; } = SamFlags.None;

    /// <summary>Skip paired reads that are not in a proper pair (samtools mpileup's default; <c>-A</c> turns it off).</summary>
    public bool SkipAnomalousPairs { get; init; }

    /// <summary>The rule every backend applies (kernels/ReadFilterArgs.cs on the devices).</summary>
    public bool Passes(ushort flag, byte mapq, int referenceId)
    {
        if (referenceId < 0 || (flag & (ushort)SamFlags.Unmapped) != 0)
        {
            return false;
        }

        if ((flag & (ushort)ExcludeFlags) != 0 || (flag & (ushort)RequireFlags) != (ushort)RequireFlags)
        {
            return false;
        }

        if (mapq < MinMappingQuality)
        {
            return false;
        }

        return !(SkipAnomalousPairs && (flag & (ushort)SamFlags.Paired) != 0 && (flag & (ushort)SamFlags.ProperPair) == 0);
    }
}
