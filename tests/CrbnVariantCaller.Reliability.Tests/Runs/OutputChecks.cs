using System.Text;
using CrbnVariantCaller.Formats.Bgzf;
using CrbnVariantCaller.Reporting.Json;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reliability.Tests.Runs;

/// <summary>
/// Checks that every file under its final name in an output folder is whole: reports parse (and name their sample),
/// HTML ends with <c>&lt;/html&gt;</c>, VCFs decompress to the end with the BGZF end-of-file marker and have a header and
/// tab-separated records, tabix indexes decompress and start with <c>TBI\1</c>, the summary TSV has one row per sample.
/// </summary>
internal static class OutputChecks
{
    /// <summary>Checks every final-named file; returns how many were checked. Throws describing the first bad one.</summary>
    public static int AssertAllWhole(string folder, int? summaryRows = null)
    {
        int checkedFiles = 0;
        foreach (string path in Directory.GetFiles(folder).Where(p => !Path.GetFileName(p).StartsWith('.')))
        {
            string name = Path.GetFileName(path);
            try
            {
                if (name.EndsWith("_mqc.json", StringComparison.Ordinal))
                {
                    using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
                }
                else if (name.EndsWith(".report.json", StringComparison.Ordinal))
                {
                    using FileStream s = File.OpenRead(path);
                    SampleReport report = ReportJson.Read(s);
                    if (string.IsNullOrEmpty(report.Sample))
                    {
                        throw new InvalidDataException("report names no sample");
                    }
                }
                else if (name.EndsWith(".html", StringComparison.Ordinal))
                {
                    string html = File.ReadAllText(path);
                    if (!html.TrimEnd().EndsWith("</html>", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new InvalidDataException("HTML does not end with </html>");
                    }
                }
                else if (name.EndsWith(".vcf.gz", StringComparison.Ordinal))
                {
                    CheckVcf(Encoding.UTF8.GetString(Decompress(path)));
                }
                else if (name.EndsWith(".tbi", StringComparison.Ordinal))
                {
                    byte[] tbi = Decompress(path);
                    if (tbi.Length < 4 || !tbi.AsSpan(0, 4).SequenceEqual("TBI\u0001"u8))
                    {
                        throw new InvalidDataException("tabix index does not start with TBI\\1");
                    }
                }
                else if (name == "summary.tsv")
                {
                    string[] lines = File.ReadAllText(path).Split('\n');
                    if (lines[^1].Length != 0)
                    {
                        throw new InvalidDataException("summary.tsv does not end with a newline");
                    }

                    int columns = lines[0].Split('\t').Length;
                    if (lines[..^1].Any(l => l.Split('\t').Length != columns))
                    {
                        throw new InvalidDataException("summary.tsv has a row with the wrong number of columns");
                    }

                    if (summaryRows is { } n && lines.Length - 2 != n)
                    {
                        throw new InvalidDataException($"summary.tsv has {lines.Length - 2} rows, expected {n}");
                    }
                }
                else if (name.EndsWith(".vcf", StringComparison.Ordinal))
                {
                    CheckVcf(File.ReadAllText(path));
                }

                checkedFiles++;
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{path} is not whole: {e.Message}", e);
            }
        }

        return checkedFiles;
    }

    /// <summary>Every sample's four files and the batch summary are there, and every file is whole.</summary>
    public static void AssertBatchComplete(string folder, IEnumerable<string> samples, int summaryRows)
    {
        foreach (string sample in samples)
        {
            foreach (string suffix in new[] { ".vcf.gz", ".vcf.gz.tbi", ".report.html", ".report.json" })
            {
                if (!File.Exists(Path.Combine(folder, sample + suffix)))
                {
                    throw new InvalidOperationException($"{sample}{suffix} is missing from {folder}");
                }
            }
        }

        foreach (string summary in new[] { "summary.tsv", "summary.html" })
        {
            if (!File.Exists(Path.Combine(folder, summary)))
            {
                throw new InvalidOperationException($"{summary} is missing from {folder}");
            }
        }

        AssertAllWhole(folder, summaryRows);
    }

    /// <summary>Hidden temporary files (<c>.NAME.&lt;hex&gt;.tmp</c>) in the folder.</summary>
    public static string[] TemporaryFiles(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, ".*.tmp") : [];

    private static byte[] Decompress(string path)
    {
        using var reader = new BgzfReader(path);
        using var ms = new MemoryStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            ms.Write(buffer, 0, n);
        }

        return ms.ToArray();
    }

    private static void CheckVcf(string text)
    {
        if (!text.StartsWith("##fileformat=VCF", StringComparison.Ordinal) || !text.EndsWith('\n'))
        {
            throw new InvalidDataException("VCF text does not start with ##fileformat or does not end with a newline");
        }

        string[] lines = text.TrimEnd('\n').Split('\n');
        string? chrom = lines.FirstOrDefault(l => l.StartsWith("#CHROM", StringComparison.Ordinal))
            ?? throw new InvalidDataException("VCF has no #CHROM line");
        int columns = chrom.Split('\t').Length;
        if (lines.Where(l => !l.StartsWith('#')).Any(l => l.Split('\t').Length != columns))
        {
            throw new InvalidDataException("VCF has a record with the wrong number of columns");
        }
    }
}
