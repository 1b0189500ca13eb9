namespace CrbnVariantCaller.Reporting.Model;

/// <summary>One row of a batch summary: a sample, whether it completed, and its report when it did.</summary>
/// <param name="Sample">The sample identifier.</param>
/// <param name="Status">Completed, failed or skipped.</param>
/// <param name="Report">The report (null when the sample failed).</param>
/// <param name="Error">The error message when it failed.</param>
public sealed record BatchSampleOutcome(string Sample, BatchSampleStatus Status, SampleReport? Report, string? Error = null);
