using System.Text.Json;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Json;

/// <summary>Reads and writes <c>ID.report.json</c>.</summary>
public static class ReportJson
{
    /// <summary>Writes the report as indented UTF-8 JSON (no byte-order mark) followed by a newline.</summary>
    public static void Write(SampleReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using (Utf8JsonWriter writer = new(destination, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, report, ReportJsonContext.Default.SampleReport);
        }

        destination.WriteByte((byte)'\n');
    }

    /// <summary>The report as a JSON string.</summary>
    public static string Serialize(SampleReport report)
    {
        using MemoryStream buffer = new();
        Write(report, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a report written by <see cref="Write"/> (for <c>--resume</c> and batch summaries).</summary>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static SampleReport Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, ReportJsonContext.Default.SampleReport)
        ?? throw new JsonException("the report JSON is null");

    /// <summary>Reads a report from a stream.</summary>
    public static SampleReport Read(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return JsonSerializer.Deserialize(source, ReportJsonContext.Default.SampleReport)
            ?? throw new JsonException("the report JSON is null");
    }
}
