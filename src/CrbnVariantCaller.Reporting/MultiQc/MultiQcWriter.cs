using System.Globalization;
using System.Text.Json;
using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;

namespace CrbnVariantCaller.Reporting.MultiQc;

/// <summary>
/// <c>crbn_mqc.json</c>: MultiQC custom content (<c>plot_type: generalstats</c>) that puts each sample's crbn result into
/// MultiQC's General Statistics table: status, overall assessment, key findings, mean depth, exon-10 skipping (status and
/// PSI), CRBN copy-number state and compute backend. The cells are the batch summary's (<see cref="BatchSummaryWriter.Row"/>),
/// so MultiQC and <c>summary.tsv</c> never disagree; numbers are written as JSON numbers so MultiQC can colour them.
/// Run <c>multiqc DIR</c> on the batch folder to pick it up (MultiQC finds files named <c>*_mqc.json</c>).
/// </summary>
public static class MultiQcWriter
{
    /// <summary>File name MultiQC recognises as custom content.</summary>
    public const string FileName = "crbn_mqc.json";

    /// <summary>The custom-content id: MultiQC's section and the prefix of its parsed data.</summary>
    public const string SectionId = "crbn";

    /// <summary>The summary columns exported, with their MultiQC title, description and, for numbers, the MultiQC format.</summary>
    public static IReadOnlyList<(string Column, string Title, string Description, string? NumberFormat)> Columns { get; } =
    [
        ("status", "CRBN status", "crbn: completed, skipped (already complete) or failed", null),
        ("overall", "CRBN overall", "crbn overall assessment of IMiD resistance", null),
        ("key_findings", "CRBN findings", "crbn key findings (resistance mechanisms and possible ones)", null),
        ("mean_depth", "CRBN depth", "crbn mean depth over the CRBN targets (DNA)", "{:,.1f}"),
        ("exon10_status", "Δexon10", "crbn exon-10 skipping status (RNA)", null),
        ("psi_skipped", "Δexon10 PSI", "crbn fraction of CRBN transcripts lacking exon 10 (RNA)", "{:,.3f}"),
        ("copy_number", "CRBN CN", "crbn CRBN copy-number state (DNA with a panel of normals)", null),
        ("backend", "crbn backend", "crbn compute backend that did the counting", null),
    ];

    /// <summary>Writes <c>crbn_mqc.json</c> into <paramref name="outDir"/> atomically and returns its path.</summary>
    public static string Write(IReadOnlyList<BatchSampleOutcome> samples, string outDir)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        string path = Path.Combine(Path.GetFullPath(outDir), FileName);
        byte[] json = Render(samples);
        new AtomicFileSet().Add(path, s => s.Write(json)).Commit();
        return path;
    }

    /// <summary>The document's bytes (UTF-8 JSON).</summary>
    public static byte[] Render(IReadOnlyList<BatchSampleOutcome> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int[] index = Columns.Select(c => IndexOf(c.Column)).ToArray();
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("id", SectionId);
            json.WriteString("section_name", "CRBN");
            json.WriteString("description", "CRBN variant caller (crbn): IMiD resistance per sample; see summary.html and each ID.report.html.");
            json.WriteString("plot_type", "generalstats");
            json.WriteStartArray("pconfig");
            foreach ((string column, string title, string description, string? numberFormat) in Columns)
            {
                json.WriteStartObject();
                json.WriteStartObject(column);
                json.WriteString("title", title);
                json.WriteString("description", description);
                json.WriteString("namespace", "crbn");
                if (numberFormat is not null)
                {
                    json.WriteString("format", numberFormat);
                    json.WriteNumber("min", 0);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("data");
            foreach (BatchSampleOutcome sample in samples)
            {
                string[] row = BatchSummaryWriter.Row(sample);
                json.WriteStartObject(sample.Sample);
                for (int c = 0; c < Columns.Count; c++)
                {
                    string cell = row[index[c]];
                    if (cell.Length == 0)
                    {
                        continue;
                    }

                    if (Columns[c].NumberFormat is not null && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
                    {
                        json.WriteNumber(Columns[c].Column, number);
                    }
                    else
                    {
                        json.WriteString(Columns[c].Column, cell);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static int IndexOf(string column)
    {
        for (int i = 0; i < BatchSummaryWriter.Columns.Count; i++)
        {
            if (BatchSummaryWriter.Columns[i] == column)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"the batch summary has no column {column}");
    }
}
