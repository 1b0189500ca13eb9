namespace CrbnVariantCaller.Formats.Expression;

/// <summary>
/// Reads salmon <c>quant.sf</c>, featureCounts output, RSEM <c>.genes.results</c> and plain CSV/TSV matrices,
/// detecting the format from the header row (see <see cref="ExpressionTableFormat"/>). Every problem is an
/// <see cref="ExpressionTableFormatException"/> naming the file and the line: an unknown header, a row with the wrong
/// number of fields, a value that is not a non-negative number, a gene listed twice, a table without rows.
/// </summary>
public static class ExpressionTableReader
{
    private static readonly string[] SalmonHeader = ["Name", "Length", "EffectiveLength", "TPM", "NumReads"];
    private static readonly string[] FeatureCountsHeader = ["Geneid", "Chr", "Start", "End", "Strand", "Length"];
    private static readonly string[] RsemHeader = ["gene_id", "transcript_id(s)", "length", "effective_length", "expected_count", "TPM"];

    private static readonly Dictionary<string, string> QuantityColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tpm"] = "tpm", ["counts"] = "counts", ["count"] = "counts", ["numreads"] = "counts", ["expected_count"] = "counts",
        ["reads"] = "counts", ["length"] = "length", ["effective_length"] = "efflength", ["effectivelength"] = "efflength",
    };

    /// <summary>Reads a table.</summary>
    /// <exception cref="ExpressionTableFormatException">The file is missing, unreadable or malformed.</exception>
    public static ExpressionTable Read(string path, ExpressionTableReaderOptions? options = null)
    {
        options ??= new ExpressionTableReaderOptions();
        using DelimitedLines lines = DelimitedLines.Open(path);
        (long Line, string[] Fields) header = lines.Next() ?? throw lines.Error(0, "is empty: no header row");
        string[] h = header.Fields;
        if (StartsWith(h, SalmonHeader))
        {
            return ReadSalmon(lines, header, options);
        }

        if (StartsWith(h, FeatureCountsHeader))
        {
            return ReadFeatureCounts(lines, header);
        }

        if (StartsWith(h, RsemHeader))
        {
            return ReadRsem(lines, header);
        }

        if (h.Length < 2)
        {
            throw lines.Error(header.Line,
                "unrecognised header: expected salmon quant.sf, featureCounts, RSEM .genes.results, or a gene column plus at least one value column");
        }

        return h.Skip(1).All(c => QuantityColumns.ContainsKey(c.Trim()))
            ? ReadGeneValues(lines, header)
            : ReadMatrix(lines, header, options);
    }

    private static ExpressionTable ReadSalmon(DelimitedLines lines, (long Line, string[] Fields) header, ExpressionTableReaderOptions options)
    {
        var rows = new List<ExpressionRecord>();
        foreach ((long line, string[] f) in Rows(lines, header.Fields.Length))
        {
            rows.Add(new ExpressionRecord(f[0],
                Counts: lines.Number(line, f[4], "NumReads"),
                Tpm: lines.Number(line, f[3], "TPM"),
                Length: lines.Number(line, f[1], "Length"),
                EffectiveLength: lines.Number(line, f[2], "EffectiveLength"),
                line));
        }

        Func<string, string?> geneOf = options.TranscriptToGene is { } map
            ? id => map.GetValueOrDefault(id)
            : id => id.Split('|') is { Length: >= 6 } parts && parts[5].Length > 0 ? parts[5] : null;
        bool aggregate = rows.Count > 0 && rows.All(r => geneOf(r.Id) is not null);
        string note = "salmon quant.sf";
        if (aggregate)
        {
            rows = Aggregate(rows, r => geneOf(r.Id)!);
            note += options.TranscriptToGene is null
                ? ": transcripts summed to genes by the GENCODE gene name (counts and TPM summed, lengths TPM-weighted)"
                : ": transcripts summed to genes through the transcript-to-gene map";
        }
        else
        {
            EnsureUnique(lines, rows);
        }

        return new ExpressionTable(lines.FilePath, ExpressionTableFormat.Salmon, [new ExpressionSample(SampleName(lines.FilePath), rows)], note);
    }

    private static ExpressionTable ReadFeatureCounts(DelimitedLines lines, (long Line, string[] Fields) header)
    {
        string[] h = header.Fields;
        if (h.Length < 7)
        {
            throw lines.Error(header.Line, "featureCounts header has no sample column after Length");
        }

        int samples = h.Length - 6;
        var records = Enumerable.Range(0, samples).Select(_ => new List<ExpressionRecord>()).ToArray();
        foreach ((long line, string[] f) in Rows(lines, h.Length))
        {
            double length = lines.Number(line, f[5], "Length");
            for (int s = 0; s < samples; s++)
            {
                double count = lines.Number(line, f[6 + s], h[6 + s]);
                records[s].Add(new ExpressionRecord(f[0], count, null, length, null, line));
            }
        }

        EnsureUnique(lines, records[0]);
        return new ExpressionTable(lines.FilePath, ExpressionTableFormat.FeatureCounts,
            records.Select((r, s) => new ExpressionSample(BamSampleName(h[6 + s]), r)).ToList(),
            "featureCounts counts; TPM to be computed from counts and Length");
    }

    private static ExpressionTable ReadRsem(DelimitedLines lines, (long Line, string[] Fields) header)
    {
        var rows = new List<ExpressionRecord>();
        foreach ((long line, string[] f) in Rows(lines, header.Fields.Length))
        {
            rows.Add(new ExpressionRecord(f[0],
                Counts: lines.Number(line, f[4], "expected_count"),
                Tpm: lines.Number(line, f[5], "TPM"),
                Length: lines.Number(line, f[2], "length"),
                EffectiveLength: lines.Number(line, f[3], "effective_length"),
                line));
        }

        EnsureUnique(lines, rows);
        return new ExpressionTable(lines.FilePath, ExpressionTableFormat.Rsem, [new ExpressionSample(SampleName(lines.FilePath), rows)], "RSEM genes.results");
    }

    private static ExpressionTable ReadGeneValues(DelimitedLines lines, (long Line, string[] Fields) header)
    {
        string[] h = header.Fields;
        string[] kinds = h.Skip(1).Select(c => QuantityColumns[c.Trim()]).ToArray();
        string? duplicate = kinds.GroupBy(k => k).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw lines.Error(header.Line, $"two columns give {duplicate}");
        }

        var rows = new List<ExpressionRecord>();
        foreach ((long line, string[] f) in Rows(lines, h.Length))
        {
            double? Get(string kind) => Array.IndexOf(kinds, kind) is int i and >= 0 ? lines.Number(line, f[i + 1], h[i + 1]) : null;
            rows.Add(new ExpressionRecord(f[0], Get("counts"), Get("tpm"), Get("length"), Get("efflength"), line));
        }

        EnsureUnique(lines, rows);
        return new ExpressionTable(lines.FilePath, ExpressionTableFormat.GeneValues, [new ExpressionSample(SampleName(lines.FilePath), rows)],
            $"gene table with columns {string.Join(", ", h.Skip(1))}");
    }

    private static ExpressionTable ReadMatrix(DelimitedLines lines, (long Line, string[] Fields) header, ExpressionTableReaderOptions options)
    {
        string[] h = header.Fields;
        for (int c = 1; c < h.Length; c++)
        {
            if (string.IsNullOrWhiteSpace(h[c]))
            {
                throw lines.Error(header.Line, $"column {c + 1} has no sample name");
            }
        }

        if (h.Skip(1).GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw lines.Error(header.Line, $"sample '{dup.Key}' appears twice in the header");
        }

        var values = new List<(long Line, string Gene, double[] Values)>();
        foreach ((long line, string[] f) in Rows(lines, h.Length))
        {
            values.Add((line, f[0], Enumerable.Range(1, h.Length - 1).Select(c => lines.Number(line, f[c], h[c])).ToArray()));
        }

        bool counts = options.MatrixValues switch
        {
            MatrixValueKind.Counts => true,
            MatrixValueKind.Tpm => false,
            _ => values.All(v => v.Values.All(x => x == Math.Floor(x))),
        };
        var samples = Enumerable.Range(1, h.Length - 1).Select(c => new ExpressionSample(h[c].Trim(),
            values.Select(v => new ExpressionRecord(v.Gene, counts ? v.Values[c - 1] : null, counts ? null : v.Values[c - 1], null, null, v.Line)).ToList())).ToList();
        EnsureUnique(lines, samples[0].Records.ToList());
        string how = options.MatrixValues == MatrixValueKind.Auto ? (counts ? "counts (every value is a whole number)" : "TPM (not all values are whole numbers)") : (counts ? "counts" : "TPM");
        return new ExpressionTable(lines.FilePath, ExpressionTableFormat.Matrix, samples, $"matrix of {samples.Count} samples; values read as {how}");
    }

    private static IEnumerable<(long Line, string[] Fields)> Rows(DelimitedLines lines, int width)
    {
        bool any = false;
        while (lines.Next() is { } row)
        {
            if (row.Fields.Length != width)
            {
                throw lines.Error(row.Line, $"has {row.Fields.Length} fields, the header has {width}");
            }

            if (string.IsNullOrWhiteSpace(row.Fields[0]))
            {
                throw lines.Error(row.Line, "has no gene id in the first column");
            }

            any = true;
            yield return row;
        }

        if (!any)
        {
            throw lines.Error(0, "has a header but no data rows");
        }
    }

    private static List<ExpressionRecord> Aggregate(List<ExpressionRecord> transcripts, Func<ExpressionRecord, string> gene) =>
        transcripts.GroupBy(gene, StringComparer.Ordinal).Select(g =>
        {
            double tpm = g.Sum(r => r.Tpm ?? 0);
            double? Weighted(Func<ExpressionRecord, double?> length) => tpm > 0
                ? g.Sum(r => (r.Tpm ?? 0) * (length(r) ?? 0)) / tpm
                : g.Average(r => length(r) ?? 0);
            return new ExpressionRecord(g.Key, g.Sum(r => r.Counts ?? 0), tpm, Weighted(r => r.Length), Weighted(r => r.EffectiveLength), g.First().LineNumber);
        }).ToList();

    private static void EnsureUnique(DelimitedLines lines, List<ExpressionRecord> rows)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (ExpressionRecord r in rows)
        {
            if (!seen.TryAdd(r.Id, r.LineNumber))
            {
                throw lines.Error(r.LineNumber, $"gene '{r.Id}' is listed twice (first on line {seen[r.Id]})");
            }
        }
    }

    private static bool StartsWith(string[] header, string[] expected) =>
        header.Length >= expected.Length && expected.Select((e, i) => header[i].Trim() == e).All(x => x);

    private static string SampleName(string path)
    {
        string name = Path.GetFileName(path);
        foreach (string suffix in new[] { ".gz", ".genes.results", ".sf", ".tsv", ".csv", ".txt" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        // salmon writes <sample>/quant.sf: name the sample after its folder
        return name is "quant" or "quant.genes" ? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? name : name;
    }

    private static string BamSampleName(string column)
    {
        string name = Path.GetFileName(column.Trim());
        return name.EndsWith(".bam", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }
}
