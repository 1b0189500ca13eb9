using CrbnVariantCaller.Core.Genome;

namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>
/// The fact tables embedded in this assembly (see <c>Resources/README.md</c>): the CRBN exon and key-codon tables,
/// the biomarker-gene GTFs for both builds and the CRBN protein.
/// </summary>
public static class BuiltInResources
{
    private const string Prefix = "CrbnVariantCaller.Core.Resources.";

    /// <summary>Opens an embedded resource by file name, e.g. <c>crbn_key_codons.tsv</c>.</summary>
    /// <exception cref="FileNotFoundException">No such resource.</exception>
    public static Stream Open(string fileName) =>
        typeof(BuiltInResources).Assembly.GetManifestResourceStream(Prefix + fileName)
        ?? throw new FileNotFoundException($"Embedded resource '{fileName}' is missing from {typeof(BuiltInResources).Assembly.GetName().Name}.", fileName);

    /// <summary>Reads an embedded text resource.</summary>
    public static string ReadText(string fileName)
    {
        using StreamReader reader = new(Open(fileName));
        return reader.ReadToEnd();
    }

    /// <summary>The file name of the biomarker-gene GTF (RefSeq exons merged per gene) for a build.</summary>
    /// <exception cref="ArgumentException"><paramref name="build"/> is unknown.</exception>
    public static string PanelGenesGtfName(GenomeBuild build) => build switch
    {
        GenomeBuild.GRCh37 => "panel_genes.grch37.refseq_merged_exons.gtf",
        GenomeBuild.GRCh38 => "panel_genes.grch38.refseq_merged_exons.gtf",
        _ => throw new ArgumentException("The panel genes exist for GRCh37 and GRCh38 only.", nameof(build)),
    };

    /// <summary>Opens the biomarker-gene GTF for a build (parse it with the Formats GTF reader).</summary>
    public static Stream OpenPanelGenesGtf(GenomeBuild build) => Open(PanelGenesGtfName(build));

    /// <summary>The CRBN protein (UniProt Q96SW2, NP_057386.2), 442 residues, one letter per residue.</summary>
    public static string CrbnProtein => CrbnProteinLazy.Value;

    private static readonly Lazy<string> CrbnProteinLazy = new(() => string.Concat(
        ReadText("CRBN_Q96SW2.protein.fa")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('>'))));
}
