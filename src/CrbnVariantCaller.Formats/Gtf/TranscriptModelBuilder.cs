using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Formats.Gtf;

/// <summary>
/// Assembles <see cref="TranscriptModel"/>s from GTF or GFF3 features: <c>exon</c>, <c>CDS</c> and <c>stop_codon</c>
/// lines grouped by transcript. GTF groups by <c>transcript_id</c> (or <c>gene_id</c> when a file has none, as in
/// merged-exon annotations); GFF3 by <c>Parent</c>, with the transcript and gene lines supplying ids and names.
/// A <c>stop_codon</c> is merged into the CDS, so the CDS always includes the stop codon (GENCODE and RefSeq GTFs
/// leave it out of <c>CDS</c> lines).
/// </summary>
public static class TranscriptModelBuilder
{
    private static readonly HashSet<string> PartTypes = new(StringComparer.Ordinal) { "exon", "CDS", "stop_codon" };

    /// <summary>Reads every transcript of an annotation file (optionally only those overlapping <paramref name="region"/>).</summary>
    /// <exception cref="GtfFormatException">A line is malformed or a transcript is inconsistent.</exception>
    public static IReadOnlyList<TranscriptModel> Load(string path, GenomicInterval? region = null)
    {
        using GtfReader reader = GtfReader.Open(path, new GtfReaderOptions { Region = region });
        return Read(reader);
    }

    /// <summary>Reads every transcript from a reader positioned at its start.</summary>
    /// <exception cref="GtfFormatException">A line is malformed or a transcript is inconsistent.</exception>
    public static IReadOnlyList<TranscriptModel> Read(GtfReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Dictionary<string, Parts> parts = new(StringComparer.Ordinal);
        Dictionary<string, GtfRecord> parents = new(StringComparer.Ordinal);
        foreach (GtfRecord record in reader.ReadAll())
        {
            bool isPart = PartTypes.Contains(record.FeatureType);
            if (reader.Format == AnnotationFormat.Gff3)
            {
                if (!isPart && record.Attributes.TryGet("ID", out string? id))
                {
                    parents.TryAdd(id, record);
                }

                if (isPart)
                {
                    List<string> owners = record.Attributes.GetAll("Parent").ToList();
                    if (owners.Count == 0)
                    {
                        throw new GtfFormatException(reader.FilePath, record.LineNumber, $"{record.FeatureType} has no Parent attribute");
                    }

                    foreach (string owner in owners)
                    {
                        Add(parts, owner, record);
                    }
                }
            }
            else if (isPart)
            {
                string owner = record.Attributes["transcript_id"] ?? record.Attributes["gene_id"]
                    ?? throw new GtfFormatException(reader.FilePath, record.LineNumber, $"{record.FeatureType} has neither transcript_id nor gene_id");
                Add(parts, owner, record);
            }
        }

        List<TranscriptModel> models = new(parts.Count);
        foreach ((string owner, Parts p) in parts)
        {
            if (p.Exons.Count == 0)
            {
                continue; // CDS without exons cannot be placed in a transcript
            }

            (string transcriptId, string symbol, string? geneId) = reader.Format == AnnotationFormat.Gff3
                ? NamesFromGff3(owner, p.First, parents)
                : NamesFromGtf(owner, p.First);
            models.Add(Assemble(reader.FilePath, transcriptId, symbol, geneId, p));
        }

        return models
            .OrderBy(m => m.Contig, StringComparer.Ordinal)
            .ThenBy(m => m.Span.Start)
            .ThenBy(m => m.TranscriptId, StringComparer.Ordinal)
            .ToArray();
    }

    private static void Add(Dictionary<string, Parts> parts, string owner, GtfRecord record)
    {
        if (!parts.TryGetValue(owner, out Parts? p))
        {
            p = new Parts(record);
            parts.Add(owner, p);
        }

        List<GenomicInterval> target = record.FeatureType switch
        {
            "exon" => p.Exons,
            "CDS" => p.Cds,
            _ => p.Stops,
        };
        target.Add(record.Interval);
        p.Strands.Add(record.Strand);
        p.Contigs.Add(record.Contig);
    }

    private static TranscriptModel Assemble(string path, string transcriptId, string symbol, string? geneId, Parts p)
    {
        GtfFormatException Fail(string problem) => new(path, p.First.LineNumber, $"transcript {transcriptId}: {problem}");

        if (p.Contigs.Count != 1)
        {
            throw Fail($"features on several contigs ({string.Join(", ", p.Contigs)})");
        }

        if (p.Strands.Count != 1 || p.Strands.Single() is not (Strand.Plus or Strand.Minus))
        {
            throw Fail("features need one strand, + or -");
        }

        List<GenomicInterval> cds = p.Cds.Count == 0 ? [] : [.. p.Cds, .. p.Stops];
        try
        {
            return new TranscriptModel(transcriptId, symbol, p.Strands.Single(), p.Exons.Distinct(), cds.Distinct(), geneId);
        }
        catch (OverflowException)
        {
            // An exon at the very end of the 32-bit coordinate range has no position after it for its junction.
            throw Fail("coordinates run past the largest position crbn handles (2,147,483,647)");
        }
        catch (ArgumentException ex)
        {
            string problem = ex.Message.StartsWith(transcriptId + ": ", StringComparison.Ordinal) ? ex.Message[(transcriptId.Length + 2)..] : ex.Message;
            int paren = problem.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw Fail(paren < 0 ? problem : problem[..paren]);
        }
    }

    private static (string TranscriptId, string Symbol, string? GeneId) NamesFromGtf(string owner, GtfRecord first)
    {
        GtfAttributes a = first.Attributes;
        return (owner, a["gene_name"] ?? a["gene"] ?? a["gene_id"] ?? owner, a["gene_id"]);
    }

    private static (string TranscriptId, string Symbol, string? GeneId) NamesFromGff3(string owner, GtfRecord first, Dictionary<string, GtfRecord> parents)
    {
        parents.TryGetValue(owner, out GtfRecord? transcript);
        GtfRecord? gene = null;
        if (transcript is not null && transcript.FeatureType != "gene" && transcript.Attributes.TryGet("Parent", out string? geneKey))
        {
            parents.TryGetValue(geneKey, out gene);
        }
        else if (transcript?.FeatureType == "gene")
        {
            gene = transcript;
        }

        string transcriptId = transcript?.Attributes["transcript_id"] ?? first.Attributes["transcript_id"] ?? StripPrefix(owner);
        string symbol = gene?.Attributes["Name"] ?? gene?.Attributes["gene_name"] ?? gene?.Attributes["gene"]
            ?? transcript?.Attributes["gene_name"] ?? transcript?.Attributes["gene"] ?? first.Attributes["gene"] ?? first.Attributes["gene_name"]
            ?? transcript?.Attributes["Name"] ?? transcriptId;
        string? geneId = gene?.Attributes["gene_id"]
            ?? gene?.Attributes.GetAll("Dbxref").FirstOrDefault(x => x.StartsWith("GeneID:", StringComparison.Ordinal))?[7..]
            ?? (gene?.Attributes["ID"] is { } id ? StripPrefix(id) : null);
        return (transcriptId, symbol, geneId);
    }

    private static string StripPrefix(string id)
    {
        foreach (string prefix in new[] { "transcript:", "gene:", "rna-", "gene-" })
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal))
            {
                return id[prefix.Length..];
            }
        }

        return id;
    }

    private sealed class Parts(GtfRecord first)
    {
        public GtfRecord First { get; } = first;

        public List<GenomicInterval> Exons { get; } = [];

        public List<GenomicInterval> Cds { get; } = [];

        public List<GenomicInterval> Stops { get; } = [];

        public HashSet<Strand> Strands { get; } = [];

        public HashSet<string> Contigs { get; } = new(StringComparer.Ordinal);
    }
}
