using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Pipeline.Batch;

/// <summary>What <c>crbn batch</c> did: one outcome per sheet row (sheet order) and the summary files written.</summary>
/// <param name="Outcomes">Per sample: completed, failed (with the error) or skipped under <c>--resume</c> (with its report).</param>
/// <param name="SummaryTsv">Path of <c>summary.tsv</c>.</param>
/// <param name="SummaryHtml">Path of <c>summary.html</c>.</param>
/// <param name="BatchPercentileSamples">Samples whose expression percentiles were ranked against the batch (0 when none).</param>
public sealed record BatchResult(
    IReadOnlyList<BatchSampleOutcome> Outcomes,
    string SummaryTsv,
    string SummaryHtml,
    int BatchPercentileSamples)
{
    /// <summary>Samples that failed.</summary>
    public int Failed => Outcomes.Count(o => o.Status == BatchSampleStatus.Failed);

    /// <summary>True when no sample failed (exit code 0; otherwise the contract's exit code 3).</summary>
    public bool AllSucceeded => Failed == 0;
}
