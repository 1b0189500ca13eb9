namespace CrbnVariantCaller.Fuzz.Engine;

/// <summary>How many cases to run, from which seed, and the limits each case must stay within.</summary>
public sealed record FuzzOptions
{
    /// <summary>Total cases, shared round-robin between the targets.</summary>
    public long Cases { get; init; } = 2_000;

    /// <summary>The run's seed; case <c>i</c> of target <c>t</c> always gets the same mutation for the same seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Only these targets (all when empty).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Wall-clock limit per case; a case that runs longer is a hang.</summary>
    public TimeSpan CaseTimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes a case may allocate (managed, on the reading thread). Seeds are a few KB, so anything near this was driven
    /// by a corrupt length field.
    /// </summary>
    public long CaseAllocationLimit { get; init; } = 64L << 20;

    /// <summary>Where failing cases are saved (one folder per case: its files plus <c>finding.txt</c>); null saves none.</summary>
    public string? ReproducerFolder { get; init; }

    /// <summary>Stop after this many findings (a broken reader would otherwise fill the disk with reproducers).</summary>
    public int MaxFindings { get; init; } = 50;

    /// <summary>Progress every this many cases (0: none).</summary>
    public long ProgressEvery { get; init; }
}
