namespace CrbnVariantCaller.TestData.Tests;

/// <summary>A minimal GTF line as the synthetic world writes it (test-side reader, independent of Formats).</summary>
internal sealed record GtfRow(string Chrom, string Feature, long Start, long End, char Strand, string GeneName,
    string TranscriptId, int ExonNumber)
{
    public static List<GtfRow> Load(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(Parse).ToList();

    private static GtfRow Parse(string line)
    {
        string[] f = line.Split('\t');
        Dictionary<string, string> attrs = f[8].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.Split(' ', 2)).ToDictionary(a => a[0], a => a[1].Trim('"'));
        return new GtfRow(f[0], f[2], long.Parse(f[3]), long.Parse(f[4]), f[6][0], attrs["gene_name"],
            attrs.GetValueOrDefault("transcript_id", ""),
            attrs.TryGetValue("exon_number", out string? n) ? int.Parse(n) : 0);
    }
}
