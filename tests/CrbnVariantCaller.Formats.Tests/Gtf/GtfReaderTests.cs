using System.IO.Compression;
using System.Text;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Gtf;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Gtf;

public sealed class GtfReaderTests
{
    private static string VegaGff => Path.Combine(RepoPaths.Corpus, "parser_edge_cases/htslib-test-1.16/tabix/gff_file.gff");

    private static GtfReader FromText(string text, string name, GtfReaderOptions? options = null) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(text)), name, options);

    [CorpusFact]
    public void Real_gff3_fields_and_attributes()
    {
        using GtfReader reader = GtfReader.Open(VegaGff);
        Assert.Equal(AnnotationFormat.Gff3, reader.Format);
        List<GtfRecord> records = reader.ReadAll().ToList();

        string[] dataLines = File.ReadAllLines(VegaGff).Where(l => l.Length > 0 && l[0] != '#').ToArray();
        Assert.Equal(dataLines.Length, records.Count);
        string[] allLines = File.ReadAllLines(VegaGff);
        foreach (GtfRecord r in records)
        {
            string[] f = allLines[r.LineNumber - 1].Split('\t');
            Assert.Equal(f[0], r.Contig);
            Assert.Equal(f[2], r.FeatureType);
            Assert.Equal(int.Parse(f[3]), r.Interval.Start.Value);
            Assert.Equal(int.Parse(f[4]), r.Interval.End.Value);
            Assert.Equal(Strand.Minus, r.Strand);
            foreach (string pair in f[8].Split(';'))
            {
                string[] kv = pair.Split('=');
                Assert.Contains(kv[1], r.Attributes.GetAll(kv[0]));
            }
        }
    }

    [CorpusFact]
    public void Region_filter_returns_what_tabix_returns()
    {
        string expected = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "parser_edge_cases/htslib-test-1.16/tabix/gff_file.X.2934832.2935190.out"));
        string[] lines = File.ReadAllLines(VegaGff);

        // Read it gzip-compressed, as annotation files usually come.
        MemoryStream gz = new();
        using (GZipStream zip = new(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(File.ReadAllBytes(VegaGff));
        }

        gz.Position = 0;
        GenomicInterval region = new("X", new Position(2_934_832), new Position(2_935_190));
        using GtfReader reader = new(gz, "gff_file.gff.gz", new GtfReaderOptions { Region = region });
        string actual = string.Concat(reader.ReadAll().Select(r => lines[r.LineNumber - 1] + "\n"));

        Assert.Equal(expected, actual);
    }

    [CorpusFact]
    public void Real_gff3_builds_its_transcripts()
    {
        IReadOnlyList<TranscriptModel> models = TranscriptModelBuilder.Load(VegaGff);
        string[] lines = File.ReadAllLines(VegaGff);

        Assert.Equal(
            lines.Where(l => l.Contains("\ttranscript\t", StringComparison.Ordinal)).Count(),
            models.Count);
        foreach (TranscriptModel m in models)
        {
            Assert.Equal("OTTHUMG00000137358", m.GeneSymbol);
            Assert.Equal(Strand.Minus, m.Strand);
            int exonLines = lines.Count(l => l.Contains("\texon\t", StringComparison.Ordinal) && l.EndsWith("Parent=" + m.TranscriptId, StringComparison.Ordinal));
            Assert.Equal(exonLines, m.Exons.Count);
            Assert.True(m.Exons.Zip(m.Exons.Skip(1)).All(p => p.First.Interval.Start > p.Second.Interval.End)); // minus strand: descending

            // Every intron line of the file is one of the model's introns.
            foreach (string intron in lines.Where(l => l.Contains("\tintron\t", StringComparison.Ordinal) && l.EndsWith("Parent=" + m.TranscriptId, StringComparison.Ordinal)))
            {
                string[] f = intron.Split('\t');
                Assert.Contains(m.Introns, i => i.Interval.Start.Value == int.Parse(f[3]) && i.Interval.End.Value == int.Parse(f[4]));
            }
        }
    }

    [Fact]
    public void Gencode_style_gtf_with_separate_stop_codon_rebuilds_crbn()
    {
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);
        string gtf = CrbnAsGencodeGtf(crbn);

        using GtfReader reader = FromText(gtf, "crbn.txt");
        Assert.Equal(AnnotationFormat.Gtf, reader.Format);
        TranscriptModel rebuilt = Assert.Single(TranscriptModelBuilder.Read(reader));

        AssertSameModel(crbn, rebuilt);
        Assert.Equal("ENSG00000113851", rebuilt.GeneId);
    }

    [ToolFact("bgzip")]
    public void Ncbi_style_gff3_bgzipped_rebuilds_crbn()
    {
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh37);
        string path = Path.Combine(Path.GetTempPath(), "crbn-gtf-" + Guid.NewGuid().ToString("N") + ".gff3");
        try
        {
            File.WriteAllText(path, CrbnAsNcbiGff3(crbn));
            ExternalTool.Run("bgzip", "-f", path);

            TranscriptModel rebuilt = Assert.Single(TranscriptModelBuilder.Load(path + ".gz"));

            AssertSameModel(crbn, rebuilt);
            Assert.Equal("51185", rebuilt.GeneId);
        }
        finally
        {
            File.Delete(path + ".gz");
        }
    }

    [Fact]
    public void Gtf_attribute_syntax()
    {
        const string line = "chr1\tsrc\texon\t10\t20\t0.5\t+\t.\tgene_id \"G1\"; transcript_id \"T;1\"; exon_number 3; tag \"basic\"; tag \"CCDS\"; # comment\n";
        using GtfReader reader = FromText(line, "x.gtf");
        Assert.True(reader.TryRead(out GtfRecord? r));
        Assert.Equal("G1", r.Attributes["gene_id"]);
        Assert.Equal("T;1", r.Attributes["transcript_id"]);
        Assert.Equal("3", r.Attributes["exon_number"]);
        Assert.Equal(["basic", "CCDS"], r.Attributes.GetAll("tag"));
        Assert.Equal(0.5, r.Score);
        Assert.Null(r.Phase);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Gff3_attribute_syntax_and_fasta_section()
    {
        const string text = "##gff-version 3\nchr1\tsrc\tmRNA\t10\t20\t.\t-\t.\tID=rna-1;Parent=g1,g2;Note=a%3Bb%2Cc\n##FASTA\n>chr1\nACGT\n";
        using GtfReader reader = FromText(text, "x.gtf");
        Assert.Equal(AnnotationFormat.Gff3, reader.Format);
        GtfRecord r = Assert.Single(reader.ReadAll());
        Assert.Equal(["g1", "g2"], r.Attributes.GetAll("Parent"));
        Assert.Equal("a;b,c", r.Attributes["Note"]);
        Assert.Equal(2, r.LineNumber);
    }

    [Theory]
    [InlineData("chr1\tsrc\texon\t10\t20\t.\t+\n", "line 2: expected 9 tab-separated columns, found 7")]
    [InlineData("chr1\tsrc\texon\tten\t20\t.\t+\t.\tgene_id \"G\";\n", "line 2: start 'ten' is not a positive integer")]
    [InlineData("chr1\tsrc\texon\t30\t20\t.\t+\t.\tgene_id \"G\";\n", "line 2: end 20 is before start 30")]
    [InlineData("chr1\tsrc\texon\t10\t20\t.\tx\t.\tgene_id \"G\";\n", "line 2: strand 'x' is not +, - or .")]
    [InlineData("chr1\tsrc\tCDS\t10\t20\t.\t+\t3\tgene_id \"G\";\n", "line 2: phase '3' is not 0, 1, 2 or .")]
    [InlineData("chr1\tsrc\texon\t10\t20\t.\t+\t.\tgene_id \"G;\n", "line 2: attribute gene_id has an unterminated quoted value")]
    [InlineData("chr1\tsrc\texon\t10\t20\t.\t+\t.\texon_number \"1\";\n", "line 2: exon has neither transcript_id nor gene_id")]
    [InlineData("chr1\tsrc\texon\t10\t20\t.\t+\t.\ttranscript_id \"T\";\nchr1\tsrc\texon\t15\t30\t.\t+\t.\ttranscript_id \"T\";\n", "line 2: transcript T: exons chr1:10-20 and chr1:15-30 overlap or touch.")]
    [InlineData("chr1\tsrc\texon\t10\t20\t.\t+\t.\ttranscript_id \"T\";\nchr1\tsrc\texon\t40\t50\t.\t-\t.\ttranscript_id \"T\";\n", "line 2: transcript T: features need one strand, + or -")]
    public void Malformed_input_names_file_and_line(string body, string expected)
    {
        using GtfReader reader = FromText("# header\n" + body, "genes.gtf");
        var ex = Assert.ThrowsAny<InvalidInputFileException>(() => TranscriptModelBuilder.Read(reader));
        Assert.IsType<GtfFormatException>(ex);
        Assert.Equal("genes.gtf: " + expected, ex.ToUserMessage());
    }

    private static void AssertSameModel(TranscriptModel expected, TranscriptModel actual)
    {
        Assert.Equal(expected.TranscriptId, actual.TranscriptId);
        Assert.Equal(expected.GeneSymbol, actual.GeneSymbol);
        Assert.Equal(expected.Strand, actual.Strand);
        Assert.Equal(expected.Exons, actual.Exons);
        Assert.Equal(expected.CdsIntervals, actual.CdsIntervals);
        Assert.Equal(1329, actual.CdsLength);
        foreach (KeyResidue k in KnownCodons.All)
        {
            Assert.Equal(expected.GetCodonPositions(k.Codon), actual.GetCodonPositions(k.Codon));
        }
    }

    /// <summary>GENCODE layout: gene, transcript, exon, CDS without the stop codon, start/stop codons, UTR lines.</summary>
    private static string CrbnAsGencodeGtf(TranscriptModel m)
    {
        StringBuilder sb = new("##description: test annotation written from the built-in CRBN model\n##provider: GENCODE-like\n");
        string ids = "gene_id \"ENSG00000113851\"; transcript_id \"NM_016302.4\"; gene_type \"protein_coding\"; gene_name \"CRBN\";";
        void Line(string type, int start, int end, string extra = "") =>
            sb.Append($"{m.Contig}\tHAVANA\t{type}\t{start}\t{end}\t.\t-\t.\t{ids}{extra}\n");

        Line("gene", m.Span.Start.Value, m.Span.End.Value);
        Line("transcript", m.Span.Start.Value, m.Span.End.Value, " tag \"basic\"; tag \"MANE_Select\";");
        Position[] stop = m.GetCodonPositions(m.CodonCount);
        foreach (Exon e in m.Exons)
        {
            Line("exon", e.Interval.Start.Value, e.Interval.End.Value, $" exon_number {e.Number};");
            GenomicInterval? cds = m.CdsIntervals.FirstOrDefault(c => c.Overlaps(e.Interval));
            if (cds is not null)
            {
                // Minus strand: the stop codon is at the low end of the last CDS interval.
                int start = cds.Start == stop[2] ? stop[0].Value + 1 : cds.Start.Value;
                Line("CDS", start, cds.End.Value, $" exon_number {e.Number};");
            }
        }

        Position[] startCodon = m.GetCodonPositions(1);
        Line("start_codon", startCodon[2].Value, startCodon[0].Value);
        Line("stop_codon", stop[2].Value, stop[0].Value);
        return sb.ToString();
    }

    /// <summary>NCBI RefSeq GFF3 layout: gene, mRNA with Parent, exons and CDS (stop codon included) with Parent.</summary>
    private static string CrbnAsNcbiGff3(TranscriptModel m)
    {
        StringBuilder sb = new("##gff-version 3\n#!processor NCBI annotwriter\n");
        sb.Append($"{m.Contig}\tBestRefSeq\tgene\t{m.Span.Start}\t{m.Span.End}\t.\t-\t.\tID=gene-CRBN;Dbxref=GeneID:51185,HGNC:HGNC%3A30185;Name=CRBN;gene=CRBN;gene_biotype=protein_coding\n");
        sb.Append($"{m.Contig}\tBestRefSeq\tmRNA\t{m.Span.Start}\t{m.Span.End}\t.\t-\t.\tID=rna-NM_016302.4;Parent=gene-CRBN;Dbxref=GeneID:51185;Name=NM_016302.4;gene=CRBN;transcript_id=NM_016302.4\n");
        foreach (Exon e in m.Exons)
        {
            sb.Append($"{m.Contig}\tBestRefSeq\texon\t{e.Interval.Start}\t{e.Interval.End}\t.\t-\t.\tID=exon-NM_016302.4-{e.Number};Parent=rna-NM_016302.4;gene=CRBN;transcript_id=NM_016302.4\n");
        }

        foreach (GenomicInterval c in m.CdsIntervals)
        {
            sb.Append($"{m.Contig}\tBestRefSeq\tCDS\t{c.Start}\t{c.End}\t.\t-\t0\tID=cds-NP_057386.2;Parent=rna-NM_016302.4;gene=CRBN;protein_id=NP_057386.2\n");
        }

        return sb.ToString();
    }
}
