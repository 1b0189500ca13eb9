using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Reporting.Html;
using CrbnVariantCaller.Reporting.Json;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Vcf;

namespace CrbnVariantCaller.Reporting.Output;

/// <summary>
/// Writes every file of the output contract for one sample: <c>ID.vcf.gz</c> + <c>ID.vcf.gz.tbi</c> (or <c>ID.vcf</c>),
/// <c>ID.report.json</c> and <c>ID.report.html</c>. All documents are rendered in memory first (a rendering error
/// touches no file), then written as one <see cref="AtomicFileSet"/>: temporary names, flushed to disk, renamed.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes the sample's files into <paramref name="outDir"/> (created if missing).</summary>
    /// <param name="report">The filled report (with its assessment).</param>
    /// <param name="vcf">Contigs, reference and filter descriptions for the VCF.</param>
    /// <param name="outDir">The output folder.</param>
    /// <param name="options">Plain or bgzipped VCF; null for the defaults.</param>
    /// <returns>The paths written.</returns>
    public static ReportFiles WriteAll(SampleReport report, VcfContext vcf, string outDir, ReportWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(vcf);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        options ??= ReportWriteOptions.Default;
        OutputNames names = OutputNames.ForSample(report.Sample);
        string dir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(dir);

        byte[] json = Render(s => ReportJson.Write(report, s));
        byte[] html = Render(s => HtmlReportWriter.Write(report, s));
        AtomicFileSet files = new();
        ReportFiles result;
        if (options.PlainVcf)
        {
            byte[] text = Render(s => VcfWriter.WriteText(report, vcf, s));
            result = new ReportFiles(Path.Combine(dir, names.Vcf), null, Path.Combine(dir, names.Json), Path.Combine(dir, names.Html));
            files.Add(result.Vcf, s => s.Write(text));
        }
        else
        {
            using MemoryStream gz = new();
            using MemoryStream tbi = new();
            VcfWriter.WriteBgzf(report, vcf, gz, tbi);
            byte[] gzBytes = gz.ToArray(), tbiBytes = tbi.ToArray();
            result = new ReportFiles(Path.Combine(dir, names.VcfGz), Path.Combine(dir, names.Tabix), Path.Combine(dir, names.Json), Path.Combine(dir, names.Html));
            files.Add(result.Vcf, s => s.Write(gzBytes)).Add(result.TabixIndex!, s => s.Write(tbiBytes));
        }

        // The JSON is renamed last: `crbn batch --resume` takes a readable report.json as proof that the sample is complete.
        files.Add(result.Html, s => s.Write(html)).Add(result.Json, s => s.Write(json)).Commit();
        return result;
    }

    private static byte[] Render(Action<Stream> write)
    {
        using MemoryStream buffer = new();
        write(buffer);
        return buffer.ToArray();
    }
}
