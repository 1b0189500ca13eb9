using System.Text;
using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Formats.Bed;
using CrbnVariantCaller.Formats.Expression;
using CrbnVariantCaller.Formats.Gtf;
using CrbnVariantCaller.Formats.Pon;
using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Fuzz.Engine;

namespace CrbnVariantCaller.Fuzz.Targets;

/// <summary>Every reader crbn has, as a fuzz target.</summary>
public static class AllTargets
{
    public static IReadOnlyList<IFuzzTarget> Create() =>
    [
        new BgzfTarget(),
        new BamPayloadTarget(),
        new BamCompressedTarget(),
        new BamIndexTarget(csi: false),
        new BamIndexTarget(csi: true),
        new FastaTarget(FastaPart.Fasta),
        new FastaTarget(FastaPart.Fai),
        new FastaTarget(FastaPart.Unindexed),
        new FastaTarget(FastaPart.BgzfFasta),
        new FastaTarget(FastaPart.Gzi),
        new TextTarget("gtf", "seed.gtf", "genes.gtf", (bytes, _) => ReadAnnotation(bytes, "genes.gtf")),
        new TextTarget("gff3", "seed.gff3", "genes.gff3", (bytes, _) => ReadAnnotation(bytes, "genes.gff3")),
        new TextTarget("bed", "seed.bed", "targets.bed", (bytes, _) => BedReader.Read(Text(bytes), "targets.bed")),
        new TextTarget("samplesheet", "seed.samples.csv", "samples.csv",
            (bytes, _) => SampleSheetReader.Parse(Encoding.UTF8.GetString(bytes), "samples.csv", "/fuzz/base")),
        new TextTarget("salmon", "seed.salmon.sf", "quant.sf", (_, path) => ExpressionTableReader.Read(path())),
        new TextTarget("featurecounts", "seed.featureCounts.txt", "counts.txt", (_, path) => ExpressionTableReader.Read(path())),
        new TextTarget("rsem", "seed.rsem.genes.results", "s.genes.results", (_, path) => ExpressionTableReader.Read(path())),
        new TextTarget("expression-csv", "seed.matrix.csv", "matrix.csv", (_, path) => ExpressionTableReader.Read(path())),
        new TextTarget("expression-genes", "seed.gene_values.tsv", "genes.tsv", (_, path) => ExpressionTableReader.Read(path())),
        new TextTarget("signature", "seed.signature.tsv", "signature.tsv", (_, path) => SignatureGeneSetFile.Read(path())),
        new TextTarget("pon", "seed.pon.tsv", "pon.tsv", (bytes, _) => PonTsv.Read(Text(bytes), "pon.tsv")),
        new TextTarget("cohort", "seed.cohort.tsv", "cohort.tsv", (_, path) => ReferenceCohortTsv.Read(path())),
        new TextTarget("germline-sites", "seed.germline_sites.tsv", "sites.tsv",
            (bytes, _) => GermlineSiteTableReader.Read(Text(bytes), "sites.tsv", GenomeBuild.GRCh38)),
    ];

    private static StreamReader Text(byte[] bytes) => new(new MemoryStream(bytes), Encoding.UTF8);

    private static void ReadAnnotation(byte[] bytes, string name)
    {
        using var reader = new GtfReader(new MemoryStream(bytes), name);
        TranscriptModelBuilder.Read(reader);
    }
}
