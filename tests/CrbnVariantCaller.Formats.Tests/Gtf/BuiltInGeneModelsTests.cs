using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Gtf;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Gtf;

public sealed class BuiltInGeneModelsTests
{
    public static TheoryData<GenomeBuild> Builds => new() { GenomeBuild.GRCh37, GenomeBuild.GRCh38 };

    [Theory]
    [MemberData(nameof(Builds))]
    public void Every_gene_line_becomes_a_model_with_its_span_and_exons(GenomeBuild build)
    {
        string name = BuiltInResources.PanelGenesGtfName(build);
        string[][] rows = BuiltInResources.ReadText(name).Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).ToArray();
        IReadOnlyList<TranscriptModel> genes = BuiltInGeneModels.PanelGenes(build);

        string[][] geneRows = rows.Where(r => r[2] == "gene").ToArray();
        Assert.Equal(12, geneRows.Length);
        Assert.Equal(geneRows.Length, genes.Count);
        foreach (string[] g in geneRows)
        {
            string symbol = g[8].Split("gene_name \"")[1].Split('"')[0];
            TranscriptModel model = Assert.Single(genes, m => m.GeneSymbol == symbol);
            Assert.Equal($"{g[0]}:{g[3]}-{g[4]}", $"{model.Contig}:{model.Span.Start}-{model.Span.End}");
            Assert.Equal(g[6] == "+" ? Strand.Plus : Strand.Minus, model.Strand);
            Assert.Equal(rows.Count(r => r[2] == "exon" && r[8].Contains($"gene_name \"{symbol}\"", StringComparison.Ordinal)), model.Exons.Count);
            Assert.False(model.IsCoding);

            // exon_number in the file is transcription order: it must agree with the model's numbering.
            foreach (string[] e in rows.Where(r => r[2] == "exon" && r[8].Contains($"gene_name \"{symbol}\"", StringComparison.Ordinal)))
            {
                int number = int.Parse(e[8].Split("exon_number \"")[1].Split('"')[0]);
                Assert.Equal($"{e[3]}-{e[4]}", $"{model.GetExon(number).Interval.Start}-{model.GetExon(number).Interval.End}");
            }
        }

        foreach (string symbol in new[] { "CRBN", "IKZF1", "IKZF3", "BSG", "SLC16A1", "ADAR", "MIR22HG", "MYC", "ABCB1", "VEGFA" })
        {
            Assert.NotNull(BuiltInGeneModels.Find(build, symbol));
        }
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Merged_crbn_exons_contain_every_mane_exon(GenomeBuild build)
    {
        TranscriptModel merged = BuiltInGeneModels.Find(build, "CRBN")!;
        TranscriptModel mane = CrbnTranscript.For(build);

        Assert.Equal(mane.Span, merged.Span);
        foreach (Exon e in mane.Exons)
        {
            Assert.Contains(merged.Exons, m => m.Interval == e.Interval);
        }

        // The hg38 RefSeq table has one more CRBN exon, from a non-MANE transcript; the older hg19 table lacks it.
        Assert.Equal(build == GenomeBuild.GRCh38 ? 12 : 11, merged.Exons.Count);
    }

    [Fact]
    public void Builds_differ_by_the_constant_offset_around_crbn()
    {
        TranscriptModel in37 = BuiltInGeneModels.Find(GenomeBuild.GRCh37, "CRBN")!;
        TranscriptModel in38 = BuiltInGeneModels.Find(GenomeBuild.GRCh38, "CRBN")!;
        var lifted = in38.Exons
            .Where(e => e.Interval.Start.Value != 3_172_506) // the GRCh38-only, non-MANE exon
            .Select(e => (e.Interval.Start.Value + 41_684, e.Interval.End.Value + 41_684));
        Assert.Equal(lifted, in37.Exons.Select(e => (e.Interval.Start.Value, e.Interval.End.Value)));
    }
}
