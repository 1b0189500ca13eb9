using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Reporting.Assessment;
using CrbnVariantCaller.Reporting.Html;
using CrbnVariantCaller.Reporting.Json;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using Microsoft.Extensions.Logging;
using CallingGeneExpression = CrbnVariantCaller.Calling.Expression.GeneExpression;

namespace CrbnVariantCaller.Pipeline.Batch;

/// <summary>
/// The second pass of <c>crbn batch</c>: expression percentiles "against the batch" for samples that have no reference
/// cohort. A sample takes part when it completed (or was resumed), was quantified from its RNA BAM (an imported table's
/// TPM has another basis) and its sheet row names no <c>cohort</c>. Participants are grouped by their <c>annotation</c>
/// (the gene set TPM is relative to); a group of at least <see cref="MinimumSamples"/> becomes a
/// <see cref="ReferenceCohort.FromBatch"/> cohort built from the TPMs in the reports, each sample is ranked within its
/// group (itself included), its assessment is recomputed and its <c>ID.report.json</c> and <c>ID.report.html</c> are
/// rewritten atomically (the VCF holds no expression and is left alone). A smaller group keeps no percentiles, and its
/// not-assessable entry says how many samples the batch had. A report is rewritten only when it changes, so a resumed,
/// already ranked sample keeps its files.
/// </summary>
public static class BatchPercentiles
{
    /// <summary>Samples with RNA expression needed before percentiles are taken against the batch.</summary>
    public const int MinimumSamples = 5;

    /// <summary>The <c>not_assessable[].what</c> of missing expression percentiles (as <see cref="SampleAnalyzer"/> writes it).</summary>
    public const string NotAssessableWhat = "expression percentiles";

    /// <summary>Ranks eligible samples against the batch, updating <paramref name="outcomes"/> and their files in place.</summary>
    /// <param name="entries">The sheet rows, in the order of <paramref name="outcomes"/>.</param>
    /// <param name="outcomes">One outcome per row; reports that change are replaced.</param>
    /// <param name="outDir">The batch output folder holding the reports.</param>
    /// <param name="logger">Receives one line per group.</param>
    /// <returns>The number of samples ranked against the batch.</returns>
    public static int Apply(IReadOnlyList<SampleSheetEntry> entries, BatchSampleOutcome[] outcomes, string outDir, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(logger);
        if (entries.Count != outcomes.Length)
        {
            throw new ArgumentException($"{entries.Count} sheet rows but {outcomes.Length} outcomes", nameof(outcomes));
        }

        int ranked = 0;
        IEnumerable<IGrouping<string, int>> groups = Enumerable.Range(0, entries.Count)
            .Where(i => IsEligible(entries[i], outcomes[i]))
            .GroupBy(i => entries[i].Annotation ?? string.Empty, StringComparer.Ordinal);
        foreach (IGrouping<string, int> group in groups)
        {
            int[] members = group.ToArray();
            string genes = group.Key.Length == 0 ? "the built-in gene models" : Path.GetFileName(group.Key);
            if (members.Length >= MinimumSamples)
            {
                ReferenceCohort cohort = ReferenceCohort.FromBatch(
                    members.Select(i => (outcomes[i].Sample, ToProfile(outcomes[i].Report!, group.Key))).ToList(),
                    MinimumSamples);
                string reference = $"batch ({members.Length} samples)";
                foreach (int i in members)
                {
                    Update(outcomes, i, outDir, WithPercentiles(outcomes[i].Report!, cohort, reference));
                }

                ranked += members.Length;
                logger.LogInformation(
                    "expression percentiles: {Count} samples quantified with {Genes} and no cohort were ranked against the batch",
                    members.Length,
                    genes);
            }
            else
            {
                string why = $"no reference cohort was given (sheet column 'cohort'), and only {members.Length} sample(s) of this batch "
                    + $"quantified with {genes} have RNA expression ({MinimumSamples} are needed to rank against the batch); "
                    + "absolute cut-offs from papers are never used";
                foreach (int i in members)
                {
                    Update(outcomes, i, outDir, WithoutPercentiles(outcomes[i].Report!, why));
                }

                logger.LogInformation(
                    "expression percentiles: only {Count} samples quantified with {Genes} and no cohort (at least {Minimum} needed); none ranked against the batch",
                    members.Length,
                    genes,
                    MinimumSamples);
            }
        }

        return ranked;
    }

    /// <summary>True when the row's expression is ranked against the batch once it is quantified: an <c>rna</c> BAM and no <c>cohort</c>.</summary>
    public static bool TakesPart(SampleSheetEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Rna is not null && entry.Cohort is null;
    }

    private static bool IsEligible(SampleSheetEntry entry, BatchSampleOutcome outcome) =>
        TakesPart(entry)
        && outcome.Report is { } report
        && report.Expression.Genes.Count > 0;

    /// <summary>The report's expression as a profile; the TPM basis is the group key, the same for every member.</summary>
    private static ExpressionProfile ToProfile(SampleReport report, string groupKey) => new(
        report.Expression.Genes.Select(kv => new CallingGeneExpression(kv.Key, kv.Value.Counts, kv.Value.Tpm, kv.Value.Cpm, null)),
        report.Expression.Source ?? "report",
        $"batch genes: {(groupKey.Length == 0 ? "built-in" : groupKey)}");

    private static SampleReport WithPercentiles(SampleReport report, ReferenceCohort cohort, string reference)
    {
        var genes = report.Expression.Genes.ToDictionary(
            kv => kv.Key,
            kv => kv.Value with { Percentile = cohort.Percentile(kv.Key, kv.Value.Tpm).Percentile },
            StringComparer.Ordinal);
        return report with
        {
            Expression = report.Expression with { Genes = genes, PercentileReference = reference },
            NotAssessable = report.NotAssessable.Where(n => n.What != NotAssessableWhat).ToList(),
        };
    }

    private static SampleReport WithoutPercentiles(SampleReport report, string why)
    {
        var genes = report.Expression.Genes.ToDictionary(kv => kv.Key, kv => kv.Value with { Percentile = null }, StringComparer.Ordinal);
        List<NotAssessableItem> notAssessable = report.NotAssessable.Where(n => n.What != NotAssessableWhat).ToList();
        notAssessable.Add(new NotAssessableItem(NotAssessableWhat, why));
        return report with
        {
            Expression = report.Expression with { Genes = genes, PercentileReference = null },
            NotAssessable = notAssessable,
        };
    }

    /// <summary>Re-assesses the report and rewrites its JSON and HTML if anything changed.</summary>
    private static void Update(BatchSampleOutcome[] outcomes, int index, string outDir, SampleReport updated)
    {
        SampleReport before = outcomes[index].Report!;
        updated = AssessmentBuilder.WithAssessment(updated);
        byte[] json = Render(s => ReportJson.Write(updated, s));
        if (json.AsSpan().SequenceEqual(Render(s => ReportJson.Write(before, s))))
        {
            return;
        }

        byte[] html = Render(s => HtmlReportWriter.Write(updated, s));
        OutputNames names = OutputNames.ForSample(updated.Sample);
        new AtomicFileSet()
            .Add(Path.Combine(outDir, names.Json), s => s.Write(json))
            .Add(Path.Combine(outDir, names.Html), s => s.Write(html))
            .Commit();
        outcomes[index] = outcomes[index] with { Report = updated };
    }

    private static byte[] Render(Action<Stream> write)
    {
        using MemoryStream buffer = new();
        write(buffer);
        return buffer.ToArray();
    }
}
