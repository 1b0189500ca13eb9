namespace CrbnVariantCaller.Fuzz.Engine;

/// <summary>Per-target tallies of one run.</summary>
public sealed class TargetCounts
{
    public long Cases { get; set; }

    /// <summary>Inputs the reader accepted (the mutation left them valid, or harmless).</summary>
    public long Accepted { get; set; }

    /// <summary>Inputs rejected with the reader's typed exception (the required outcome for malformed input).</summary>
    public long Rejected { get; set; }

    public long Crashes { get; set; }

    public long Hangs { get; set; }

    public long MemoryBreaches { get; set; }

    /// <summary>The largest managed allocation of any one case, in bytes.</summary>
    public long MaxCaseAllocation { get; set; }

    /// <summary>The slowest case.</summary>
    public TimeSpan MaxCaseTime { get; set; }

    /// <summary>How many rejections each exception type accounted for.</summary>
    public Dictionary<string, long> RejectionsByType { get; } = new(StringComparer.Ordinal);
}
