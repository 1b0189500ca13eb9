namespace CrbnVariantCaller.Reporting.Model;

/// <summary>A compute step that could not run on the requested backend and ran on another (never silent).</summary>
/// <param name="Operation">The step (<c>pileup</c>, <c>coverage</c>, <c>junctions</c>, <c>feature_counts</c>).</param>
/// <param name="From">The backend that failed.</param>
/// <param name="To">The backend that did the work.</param>
/// <param name="Reason">Why the first backend failed.</param>
public sealed record FallbackEvent(string Operation, string From, string To, string Reason);
