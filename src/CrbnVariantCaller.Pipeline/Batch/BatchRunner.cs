using System.Diagnostics;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Formats.Input;
using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Reporting.Assessment;
using CrbnVariantCaller.Pipeline.Inputs;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline.Batch;

/// <summary>
/// <c>crbn batch</c>: runs <see cref="SampleAnalyzer"/> for every row of a sample sheet (<see cref="BatchRequest.Jobs"/>
/// at a time), records a failing sample with its error and goes on, then ranks expression against the batch where no
/// cohort was given and writes <c>summary.tsv</c> and <c>summary.html</c> (<see cref="BatchSummary"/>, shared with <c>crbn summarize</c>).
/// See <c>Pipeline/Batch/README.md</c>.
/// </summary>
public sealed class BatchRunner(SampleAnalyzer analyzer, BackendSelector backends, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<BatchRunner>();

    /// <summary>Runs the batch. A failing sample does not stop it; check <see cref="BatchResult.AllSucceeded"/>.</summary>
    /// <param name="request">The sheet and shared settings.</param>
    /// <param name="toolVersion">The crbn version recorded in each report.</param>
    /// <param name="commandLine">The command line recorded in each report.</param>
    /// <param name="cancellationToken">Stops starting new samples (samples already running finish).</param>
    /// <param name="progress">Told when each sample starts and finishes (a terminal display); null for none.</param>
    /// <exception cref="SampleSheetFormatException">Two sample IDs would write the same output files.</exception>
    /// <exception cref="ComputeUnavailableException">The device asked for explicitly cannot be used.</exception>
    public BatchResult Run(BatchRequest request, string toolVersion, string? commandLine = null, CancellationToken cancellationToken = default, IBatchProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Jobs, 1);
        IReadOnlyList<SampleSheetEntry> entries = request.Sheet.Entries;
        CheckOutputNamesAreDistinct(request.Sheet);
        request = request with { Device = ResolveDeviceOnce(request.Device) };
        string outDir = Path.GetFullPath(request.OutDir);
        Directory.CreateDirectory(outDir);

        _logger.LogInformation(
            "batch of {Count} samples from {Sheet}, {Jobs} at a time{Resume}",
            entries.Count,
            request.Sheet.FilePath,
            request.Jobs,
            request.Resume ? ", resuming" : string.Empty);

        var outcomes = new BatchSampleOutcome[entries.Count];
        Parallel.For(
            0,
            entries.Count,
            new ParallelOptions { MaxDegreeOfParallelism = request.Jobs, CancellationToken = cancellationToken },
            i =>
            {
                progress?.SampleStarted(i, entries[i]);
                outcomes[i] = RunOne(request, outDir, i, toolVersion, commandLine, cancellationToken);
                progress?.SampleFinished(i, outcomes[i]);
            });

        BatchSummaryFiles summary = BatchSummary.Write(entries, outcomes, outDir, _logger);
        string tsv = summary.Tsv;

        var result = new BatchResult(outcomes, tsv, summary.Html, summary.BatchPercentileSamples);
        _logger.LogInformation(
            "batch done: {Completed} completed, {Skipped} skipped (already complete), {Failed} failed; summary in {Tsv}",
            outcomes.Count(o => o.Status == BatchSampleStatus.Completed),
            outcomes.Count(o => o.Status == BatchSampleStatus.Skipped),
            result.Failed,
            tsv);
        return result;
    }

    /// <summary>
    /// Selects the compute backend once, on one thread, before any sample runs: a device asked for explicitly that
    /// cannot be used stops the batch here (<see cref="ComputeUnavailableException"/>, exit code 2) instead of failing
    /// every sample, and the native loaders are initialised before samples run in parallel (two samples initialising the
    /// OpenCL ICD loader at the same time crashed the process with SIGSEGV). When <c>auto</c> lands on the managed CPU
    /// backend, every sample is given <c>cpu</c>, so the "no GPU backend" warning is logged once per batch.
    /// </summary>
    private DeviceRequest ResolveDeviceOnce(DeviceRequest device)
    {
        if (device == DeviceRequest.Cpu)
        {
            return device;
        }

        using ComputeEngine probe = backends.Select(new ComputeOptions { Device = device });
        _logger.LogInformation("compute backend for the batch: {Backend} ({Device})", probe.Primary.Kind, probe.Primary.DeviceName);
        return probe.Primary.Kind == BackendKind.Cpu ? DeviceRequest.Cpu : device;
    }

    /// <summary>The <see cref="CallRequest"/> for one sheet row.</summary>
    public static CallRequest ToCallRequest(SampleSheetEntry entry, BatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(request);
        return new CallRequest
        {
            SampleId = entry.Sample,
            DnaBam = entry.Dna,
            NormalBam = entry.Normal,
            RnaBam = entry.Rna,
            ExpressionTable = entry.Expression,
            Annotation = entry.Annotation,
            Cohort = entry.Cohort,
            Signature = entry.Signature,
            Reference = request.Reference,
            OutDir = request.OutDir,
            Device = request.Device,
            Threads = request.Threads,
            PlainVcf = request.PlainVcf,
            PanelOfNormals = entry.Dna is null ? null : request.PanelOfNormals,
            GermlineSites = request.GermlineSites,
            Setting = ClinicalSettings.Parse(entry.Setting),
            Exon10Cohort = entry.Exon10Cohort is string own
                ? request.SheetExon10Cohorts.TryGetValue(own, out Exon10Cohort? cohort) ? cohort : Exon10Cohort.Read(own)
                : request.Exon10Cohort,
            FunctionalVariants = entry.FunctionalVariants is string table
                ? request.SheetFunctionalVariants.TryGetValue(table, out FunctionalVariantTable? rows) ? rows : FunctionalVariantTable.Read(table)
                : request.FunctionalVariants,
        };
    }

    private BatchSampleOutcome RunOne(BatchRequest request, string outDir, int index, string toolVersion, string? commandLine, CancellationToken cancellationToken)
    {
        SampleSheetEntry entry = request.Sheet.Entries[index];
        string progress = $"[{index + 1}/{request.Sheet.Entries.Count}] {entry.Sample}";
        if (request.Resume && BatchReports.TryRead(entry, outDir, _logger) is { } previous && OutputsComplete(entry, outDir, request.PlainVcf))
        {
            _logger.LogInformation("{Progress}: skipped, {Json} is already complete (--resume)", progress, OutputNames.ForSample(entry.Sample).Json);
            return new BatchSampleOutcome(entry.Sample, BatchSampleStatus.Skipped, previous);
        }

        cancellationToken.ThrowIfCancellationRequested();
        _logger.LogInformation("{Progress}: running (sheet line {Line})", progress, entry.LineNumber);
        var clock = Stopwatch.StartNew();
        try
        {
            CallRequest call = ToCallRequest(entry, request) with { OutDir = outDir };
            CheckInputsExist(call);
            SampleOutcome done = analyzer.Run(call, toolVersion, commandLine);
            _logger.LogInformation(
                "{Progress}: completed in {Seconds:0.0} s, {Overall}",
                progress,
                clock.Elapsed.TotalSeconds,
                done.Report.Assessment.Overall);
            return new BatchSampleOutcome(entry.Sample, BatchSampleStatus.Completed, done.Report);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            string error = Describe(e);
            if (IsInputProblem(e))
            {
                _logger.LogWarning("{Progress}: failed: {Error}", progress, error);
            }
            else
            {
                _logger.LogError(e, "{Progress}: failed: {Error}", progress, error);
            }

            return new BatchSampleOutcome(entry.Sample, BatchSampleStatus.Failed, null, error);
        }
    }

    /// <summary>
    /// Whether the sample's other files sit beside its report. They are renamed into place before the report, so a run
    /// killed between renames leaves a report-less set that resume reruns; this also catches files deleted since.
    /// </summary>
    private bool OutputsComplete(SampleSheetEntry entry, string outDir, bool plainVcf)
    {
        OutputNames names = OutputNames.ForSample(entry.Sample);
        string[] needed = plainVcf ? [names.Vcf, names.Html] : [names.VcfGz, names.Tabix, names.Html];
        string? missing = needed.FirstOrDefault(n => !File.Exists(Path.Combine(outDir, n)));
        if (missing is not null)
        {
            _logger.LogWarning("{Sample}: {Json} exists but {Missing} does not; running the sample again", entry.Sample, names.Json, missing);
        }

        return missing is null;
    }

    /// <summary>Fails the sample (not the batch) with the path of the first input that does not exist.</summary>
    private static void CheckInputsExist(CallRequest call)
    {
        foreach (string? path in new[] { call.DnaBam, call.NormalBam, call.RnaBam, call.ExpressionTable, call.Annotation, call.Cohort, call.Signature, call.Reference })
        {
            if (path is not null)
            {
                RegularFile.Require(path);
            }
        }
    }

    private static bool IsInputProblem(Exception e) =>
        e is InvalidInputFileException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or ComputeUnavailableException;

    /// <summary>One line for the summary's error column, naming the file where the error is about one.</summary>
    private static string Describe(Exception e) => e switch
    {
        InvalidInputFileException bad => bad.ToUserMessage(),
        FileNotFoundException missing => $"{missing.FileName ?? "?"}: file not found",
        DirectoryNotFoundException or UnauthorizedAccessException or ComputeUnavailableException => e.Message,
        _ => $"runtime failure: {e.GetType().Name}: {e.Message}",
    };

    /// <summary>Two IDs that differ only in characters unsafe in file names, or in case, would overwrite each other's files.</summary>
    /// <exception cref="SampleSheetFormatException">Two sample IDs would write the same output files.</exception>
    public static void CheckOutputNamesAreDistinct(SampleSheet sheet)
    {
        var stems = new Dictionary<string, SampleSheetEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (SampleSheetEntry entry in sheet.Entries)
        {
            string stem = OutputNames.ForSample(entry.Sample).Stem;
            if (stems.TryGetValue(stem, out SampleSheetEntry? first))
            {
                throw new SampleSheetFormatException(
                    sheet.FilePath,
                    entry.LineNumber,
                    $"sample '{entry.Sample}' would write the same files ({stem}.*) as sample '{first.Sample}' on line {first.LineNumber}");
            }

            stems[stem] = entry;
        }
    }
}
