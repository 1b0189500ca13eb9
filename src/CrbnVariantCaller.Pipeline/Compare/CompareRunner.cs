using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Reporting.Compare;
using CrbnVariantCaller.Reporting.Json;
using CrbnVariantCaller.Reporting.Model;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline.Compare;

/// <summary>
/// <c>crbn compare</c>: reads the two reports, re-measures each report's variants in the other time point's BAM when
/// given, compares (<see cref="ReportComparer"/>) and writes the JSON and HTML together, atomically.
/// </summary>
public sealed class CompareRunner(BackendSelector backends, ILogger<CompareRunner> logger)
{
    /// <summary>Runs the comparison; returns it with the paths written.</summary>
    /// <exception cref="InvalidInputFileException">A report is unreadable, or the two are of different builds.</exception>
    public (ComparisonReport Report, string Json, string Html) Run(CompareRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        SampleReport baseline = ReadReport(request.BaselineReport);
        SampleReport relapse = ReadReport(request.RelapseReport);
        if (baseline.GenomeBuild != relapse.GenomeBuild)
        {
            throw new InvalidInputFileException(request.RelapseReport, $"the relapse report is {relapse.GenomeBuild} but the baseline is {baseline.GenomeBuild}");
        }

        var notes = new List<string>();
        IReadOnlyDictionary<VariantKey, AlleleCount>? atBaseline = null, atRelapse = null;
        if (request.BaselineBam is not null || request.RelapseBam is not null)
        {
            if (request.Reference is null)
            {
                throw new ArgumentException("--reference is needed to re-measure allele counts in the BAMs", nameof(request));
            }

            using IndexedFastaReader reference = IndexedFastaReader.Open(request.Reference);
            using ComputeEngine engine = backends.Select(new ComputeOptions { Device = DeviceRequest.Cpu });
            var baselineKeys = Keys(baseline);
            var relapseKeys = Keys(relapse);
            var unmeasured = new List<VariantKey>();
            if (request.BaselineBam is not null)
            {
                List<VariantKey> sites = relapseKeys.Except(baselineKeys).ToList();
                logger.LogInformation("re-measuring {Count} relapse-only variant site(s) in the baseline BAM {Bam}", sites.Count, request.BaselineBam);
                atBaseline = AlleleRemeasurement.Count(request.BaselineBam, reference, sites, engine, request.Threads);
                notes.Add($"Baseline counts at relapse-only variants re-measured in {Path.GetFileName(request.BaselineBam)} ({Method}).");
                unmeasured.AddRange(sites.Where(k => !atBaseline.ContainsKey(k)));
            }

            if (request.RelapseBam is not null)
            {
                List<VariantKey> sites = baselineKeys.Except(relapseKeys).ToList();
                logger.LogInformation("re-measuring {Count} baseline-only variant site(s) in the relapse BAM {Bam}", sites.Count, request.RelapseBam);
                atRelapse = AlleleRemeasurement.Count(request.RelapseBam, reference, sites, engine, request.Threads);
                notes.Add($"Relapse counts at baseline-only variants re-measured in {Path.GetFileName(request.RelapseBam)} ({Method}).");
                unmeasured.AddRange(sites.Where(k => !atRelapse.ContainsKey(k)));
            }

            if (unmeasured.Count > 0)
            {
                notes.Add($"{unmeasured.Count} variant(s) could not be re-measured (neither an SNV nor a simple indel in the CRBN tested region: {string.Join(", ", unmeasured)}); where one report lacks them they are assumed absent at that report's depth.");
            }
        }
        else
        {
            notes.Add("No BAMs given: a variant missing from one report is assumed absent at that report's depth (its limit of detection is shown); give --baseline-bam and --relapse-bam to re-measure.");
        }

        ComparisonReport report = new ReportComparer().Compare(baseline, relapse, atBaseline, atRelapse, notes);
        Directory.CreateDirectory(request.OutDir);
        (string json, string html) = ComparisonWriter.Write(report, request.OutDir);
        logger.LogInformation("{Baseline} vs {Relapse}: {Verdict}; wrote {Json}", baseline.Sample, relapse.Sample, report.Verdict, json);
        return (report, json, html);
    }

    /// <summary>How re-measured counts are taken, for the notes.</summary>
    private const string Method = "as the caller counts them (base quality >= 20, mapping quality >= 20, overlapping mates once), in its tested region of CRBN: "
        + "SNVs as the alt base against the pileup depth; indels as reads whose CIGAR carries the left-normalised indel against the pileup depth at its anchor base";

    private static HashSet<VariantKey> Keys(SampleReport report) =>
        report.Variants.Select(v => new VariantKey(v.Chrom, v.Pos.Value, v.Ref, v.Alt)).ToHashSet();

    private static SampleReport ReadReport(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return ReportJson.Read(stream);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidInputFileException(path, $"not a crbn call report ({e.Message})");
        }
    }
}
