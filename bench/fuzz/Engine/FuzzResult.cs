namespace CrbnVariantCaller.Fuzz.Engine;

/// <summary>The outcome of a run: counts per target and every finding.</summary>
public sealed record FuzzResult(IReadOnlyDictionary<string, TargetCounts> Counts, IReadOnlyList<FuzzFinding> Findings, TimeSpan Elapsed)
{
    public long TotalCases => Counts.Values.Sum(c => c.Cases);

    public bool Clean => Findings.Count == 0;
}
