using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Formats.Gtf;

/// <summary>
/// The biomarker genes built into the tool (CRBN, IKZF1, IKZF3, BSG, SLC16A1, ADAR, MIR22HG, MYC, ABCB1, VEGFA, and
/// the CRBN neighbours TRNT1 and IL5RA), from the embedded RefSeq merged-exon GTFs. Each gene is one model whose
/// exons are the union of its RefSeq exons, <see cref="TranscriptModel.TranscriptId"/> is the Entrez gene id, and
/// there is no CDS: use these for expression counting, and <see cref="CrbnTranscript"/> for HGVS.
/// </summary>
public static class BuiltInGeneModels
{
    private static readonly Lazy<IReadOnlyList<TranscriptModel>> Grch37 = new(() => Load(GenomeBuild.GRCh37));
    private static readonly Lazy<IReadOnlyList<TranscriptModel>> Grch38 = new(() => Load(GenomeBuild.GRCh38));

    /// <summary>The merged-exon gene models of one build (contigs named <c>chr…</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="build"/> is unknown.</exception>
    public static IReadOnlyList<TranscriptModel> PanelGenes(GenomeBuild build) => build switch
    {
        GenomeBuild.GRCh37 => Grch37.Value,
        GenomeBuild.GRCh38 => Grch38.Value,
        _ => throw new ArgumentException("Panel genes are built in for GRCh37 and GRCh38 only.", nameof(build)),
    };

    /// <summary>Finds a panel gene by symbol.</summary>
    public static TranscriptModel? Find(GenomeBuild build, string symbol) =>
        PanelGenes(build).FirstOrDefault(g => string.Equals(g.GeneSymbol, symbol, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<TranscriptModel> Load(GenomeBuild build)
    {
        string name = BuiltInResources.PanelGenesGtfName(build);
        using GtfReader reader = new(BuiltInResources.Open(name), name, new GtfReaderOptions { Format = AnnotationFormat.Gtf });
        return TranscriptModelBuilder.Read(reader);
    }
}
