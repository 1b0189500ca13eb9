using System.Text.Json;
using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Reporting.Json;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline.Batch;

/// <summary>
/// The reports a batch folder already holds: what <c>crbn batch --resume</c> skips and what <c>crbn summarize</c>
/// summarises. A report counts when <c>ID.report.json</c> exists, parses and names the sheet row's sample.
/// </summary>
public static class BatchReports
{
    /// <summary>The report of an earlier run of <paramref name="entry"/> in <paramref name="outDir"/>, or null (logged) when there is none usable.</summary>
    public static SampleReport? TryRead(SampleSheetEntry entry, string outDir, ILogger logger) =>
        TryRead(entry, outDir, logger, out _);

    /// <summary>As <see cref="TryRead(SampleSheetEntry, string, ILogger)"/>, with a one-line reason when there is no usable report.</summary>
    public static SampleReport? TryRead(SampleSheetEntry entry, string outDir, ILogger logger, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(logger);
        string path = Path.Combine(outDir, OutputNames.ForSample(entry.Sample).Json);
        if (!File.Exists(path))
        {
            problem = $"{path}: no report (the sample has not completed)";
            return null;
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            SampleReport report = ReportJson.Read(stream);
            if (report.Sample == entry.Sample)
            {
                problem = null;
                return report;
            }

            problem = $"{path}: is the report of sample {report.Sample}, not {entry.Sample}";
            logger.LogWarning("{Path} is the report of sample {Other}, not {Sample}; running the sample again", path, report.Sample, entry.Sample);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            problem = $"{path}: does not parse as a report ({e.Message})";
            logger.LogWarning("{Path} does not parse as a report ({Problem}); running the sample again", path, e.Message);
        }

        return null;
    }

    /// <summary>
    /// One outcome per sheet row from the reports in <paramref name="outDir"/>: completed with its report, or failed
    /// with the reason there is none (what <c>crbn summarize</c> reports for a sample whose <c>crbn call</c> did not finish).
    /// </summary>
    public static BatchSampleOutcome[] ReadAll(SampleSheet sheet, string outDir, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Entries
            .Select(entry => TryRead(entry, outDir, logger, out string? problem) is { } report
                ? new BatchSampleOutcome(entry.Sample, BatchSampleStatus.Completed, report)
                : new BatchSampleOutcome(entry.Sample, BatchSampleStatus.Failed, null, problem))
            .ToArray();
    }
}
