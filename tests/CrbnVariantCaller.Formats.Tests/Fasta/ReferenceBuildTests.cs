using System.Globalization;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Fasta;

/// <summary>Build detection and BAM/reference compatibility on a real BAM and the FASTA shipped with it.</summary>
public sealed class ReferenceBuildTests
{
    private static string CnvkitFasta => Path.Combine(RepoPaths.Corpus, "real_dna/cnvkit_chrM-Y-trunc.hg19.fa");

    private static string CnvkitBam => Path.Combine(RepoPaths.Corpus, "real_dna/cnvkit_NA12878.hg19.chrM.bam");

    [CorpusFact]
    public void Hg19_chrM_in_a_fasta_index_means_grch37()
    {
        using IndexedFastaReader reader = IndexedFastaReader.Open(CnvkitFasta);

        GenomeBuildDetection d = GenomeBuildDetector.Detect(reader.Contigs);

        Assert.Equal(GenomeBuild.GRCh37, d.Build);
        Assert.Contains(d.Evidence, e => e.Contig == "chrY" && e.Supports == GenomeBuild.Unknown); // truncated in this test file
    }

    [CorpusFact("samtools")]
    public void Truncated_chrY_in_the_reference_is_reported_against_the_real_bam_header()
    {
        List<ContigInfo> bam = ExternalTool.Run("samtools", "view", "-H", CnvkitBam).Split('\n')
            .Where(l => l.StartsWith("@SQ\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(f => new ContigInfo(
                f.Single(x => x.StartsWith("SN:", StringComparison.Ordinal))[3..],
                long.Parse(f.Single(x => x.StartsWith("LN:", StringComparison.Ordinal))[3..], CultureInfo.InvariantCulture)))
            .ToList();
        using IndexedFastaReader reader = IndexedFastaReader.Open(CnvkitFasta);
        long fastaY = reader.ContigLength("chrY");

        ReferenceCompatibilityReport report = ReferenceCompatibility.Compare(bam, reader.Contigs);
        Assert.Equal("chrM", report.ReferenceNames["chrM"]);
        var ex = Assert.Throws<ReferenceMismatchException>(() => report.ThrowIfIncompatible(CnvkitFasta, ["chrM"]));

        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"reference does not match the BAM: chrY is {fastaY:N0} bp in cnvkit_chrM-Y-trunc.hg19.fa but 59,373,566 bp in the BAM header"),
            ex.Message);
        Assert.Equal(bam.Count - 2, report.Mismatches.Count(m => m.Kind == ContigMismatchKind.MissingFromReference));
    }
}
