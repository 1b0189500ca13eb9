namespace CrbnVariantCaller.Kernels;

/// <summary>The read filter shared by pileup, coverage and junctions (the device form of Counts' <c>ReadFilter</c>).</summary>
public readonly struct ReadFilterArgs
{
    public ReadFilterArgs(int minMappingQuality, int excludeFlags, int requireFlags, bool skipAnomalousPairs)
    {
        MinMappingQuality = minMappingQuality;
        ExcludeFlags = excludeFlags;
        RequireFlags = requireFlags;
        SkipAnomalousPairs = skipAnomalousPairs ? 1 : 0;
    }

    public readonly int MinMappingQuality;
    public readonly int ExcludeFlags;
    public readonly int RequireFlags;
    public readonly int SkipAnomalousPairs;

    /// <summary>Whether read <paramref name="r"/> is looked at: mapped, placed, flags and MAPQ pass.</summary>
    public bool Passes(ReadViews reads, int r)
    {
        int flag = reads.Flags[r];
        if (reads.ReferenceIds[r] < 0 || (flag & Cigar.FlagUnmapped) != 0)
        {
            return false;
        }

        if ((flag & ExcludeFlags) != 0 || (flag & RequireFlags) != RequireFlags)
        {
            return false;
        }

        if (reads.MappingQualities[r] < MinMappingQuality)
        {
            return false;
        }

        return !(SkipAnomalousPairs != 0 && (flag & Cigar.FlagPaired) != 0 && (flag & Cigar.FlagProperPair) == 0);
    }
}
