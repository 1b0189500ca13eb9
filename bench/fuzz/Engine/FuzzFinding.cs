namespace CrbnVariantCaller.Fuzz.Engine;

/// <summary>What went wrong in a case.</summary>
public enum FindingKind
{
    /// <summary>An exception that is not the reader's typed <c>InvalidInputFileException</c>.</summary>
    Crash,

    /// <summary>The case ran past the time limit.</summary>
    Hang,

    /// <summary>The case allocated more than the limit, or ran out of memory.</summary>
    MemoryBreach,
}

/// <summary>One failing case: enough to name it, replay it and read why it failed.</summary>
public sealed record FuzzFinding(string Target, long CaseNumber, FindingKind Kind, string Detail, string? ReproducerPath);
