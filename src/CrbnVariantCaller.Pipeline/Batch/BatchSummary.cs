using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.MultiQc;
using CrbnVariantCaller.Reporting.Output;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline.Batch;

/// <summary>
/// What follows the samples of a batch, shared by <c>crbn batch</c> (after its samples) and <c>crbn summarize</c>
/// (after a workflow engine ran each <c>crbn call</c>): expression percentiles against the batch
/// (<see cref="BatchPercentiles"/>), then the summary files (<see cref="BatchSummaryWriter"/>, <see cref="MultiQcWriter"/>).
/// </summary>
public static class BatchSummary
{
    /// <summary>Ranks expression against the batch, then writes the summary files; see <see cref="RankAgainstBatch"/> and <see cref="WriteFiles"/>.</summary>
    /// <returns>The summary paths and the number of samples ranked against the batch.</returns>
    public static BatchSummaryFiles Write(IReadOnlyList<SampleSheetEntry> entries, BatchSampleOutcome[] outcomes, string outDir, ILogger logger)
    {
        int ranked = RankAgainstBatch(entries, outcomes, outDir, logger);
        return WriteFiles(outcomes, outDir) with { BatchPercentileSamples = ranked };
    }

    /// <summary>The batch-percentile pass alone (<see cref="BatchPercentiles.Apply"/>): reports that change are rewritten and replaced in <paramref name="outcomes"/>.</summary>
    public static int RankAgainstBatch(IReadOnlyList<SampleSheetEntry> entries, BatchSampleOutcome[] outcomes, string outDir, ILogger logger) =>
        BatchPercentiles.Apply(entries, outcomes, Path.GetFullPath(outDir), logger);

    /// <summary>The summary files alone, one row per outcome in order: <c>summary.tsv</c>, <c>summary.html</c> and MultiQC's <c>crbn_mqc.json</c>.</summary>
    public static BatchSummaryFiles WriteFiles(IReadOnlyList<BatchSampleOutcome> outcomes, string outDir)
    {
        (string tsv, string html) = BatchSummaryWriter.Write(outcomes, outDir);
        string multiQc = MultiQcWriter.Write(outcomes, outDir);
        return new BatchSummaryFiles(tsv, html, multiQc, 0);
    }
}
