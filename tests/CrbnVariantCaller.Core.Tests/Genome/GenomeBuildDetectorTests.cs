using CrbnVariantCaller.TestSupport;
using CrbnVariantCaller.Core.Genome;
using Xunit;

namespace CrbnVariantCaller.Core.Tests.Genome;

public sealed class GenomeBuildDetectorTests
{
    [CorpusFact("samtools")]
    public void Grch38_header_with_chr_names()
    {
        var contigs = SamtoolsHeader.Contigs(SamtoolsHeader.Corpus("real_dna/covtobed_duplicates.HG00114.GRCh38.bam"));
        Assert.Equal(3366, contigs.Count);

        GenomeBuildDetection d = GenomeBuildDetector.Detect(contigs);

        Assert.Equal(GenomeBuild.GRCh38, d.Build);
        Assert.Equal(ContigNaming.WithChr, d.Naming);
        Assert.Equal(24, d.Grch38Votes); // 1-22, X, Y; chrM is the rCRS in both builds
        Assert.Equal(0, d.Grch37Votes);
        Assert.Contains(d.Evidence, e => e.Contig == "chr3" && e.Length == 198_295_559 && e.Supports == GenomeBuild.GRCh38);
    }

    [CorpusFact("samtools")]
    public void Grch37_hs37d5_header_without_chr_names()
    {
        var contigs = SamtoolsHeader.Contigs(SamtoolsHeader.Corpus("real_dna/vcfanno_CHM1.hs37d5.chr1.bam"));

        GenomeBuildDetection d = GenomeBuildDetector.Detect(contigs);

        Assert.Equal(GenomeBuild.GRCh37, d.Build);
        Assert.Equal(ContigNaming.WithoutChr, d.Naming);
        Assert.Equal(0, d.Grch38Votes);
        Assert.Contains(d.Evidence, e => e.Contig == "3" && e.Length == 198_022_430 && e.Supports == GenomeBuild.GRCh37);
        Assert.Contains(d.Evidence, e => e.Contig == "hs37d5" && e.Supports == GenomeBuild.GRCh37);
        Assert.Contains(d.Evidence, e => e.Contig == "MT" && e.Supports == GenomeBuild.Unknown);
    }

    [CorpusFact("samtools")]
    public void Hg19_header_with_chr_names_and_the_hg19_chrM()
    {
        var contigs = SamtoolsHeader.Contigs(SamtoolsHeader.Corpus("real_dna/covtobed_panel_01.hg19.bam"));

        GenomeBuildDetection d = GenomeBuildDetector.Detect(contigs);

        Assert.Equal(GenomeBuild.GRCh37, d.Build);
        Assert.Equal(ContigNaming.WithChr, d.Naming);
        Assert.Equal(25, d.Grch37Votes); // hg19's chrM (16,571 bp) votes too
        Assert.Contains(d.Evidence, e => e.Contig == "chrM" && e.Length == 16_571 && e.Supports == GenomeBuild.GRCh37);
    }

    [CorpusFact("samtools")]
    public void Small_grch38_header_with_one_chromosome()
    {
        var contigs = SamtoolsHeader.Contigs(SamtoolsHeader.Corpus("real_dna/igvjs_hg00096_hg38.bam"));

        GenomeBuildDetection d = GenomeBuildDetector.Detect(contigs);

        Assert.Equal(GenomeBuild.GRCh38, d.Build);
        Assert.Single(d.Evidence);
    }

    [Fact]
    public void Chromosome_3_alone_tells_the_builds_apart()
    {
        Assert.Equal(GenomeBuild.GRCh38, GenomeBuildDetector.Detect([new ContigInfo("chr3", 198_295_559)]).Build);
        Assert.Equal(GenomeBuild.GRCh37, GenomeBuildDetector.Detect([new ContigInfo("3", 198_022_430)]).Build);
    }

    [Fact]
    public void Mixed_or_unrecognised_lengths_give_unknown_with_evidence()
    {
        GenomeBuildDetection mixed = GenomeBuildDetector.Detect([new ContigInfo("chr3", 198_295_559), new ContigInfo("chr1", 249_250_621)]);
        Assert.Equal(GenomeBuild.Unknown, mixed.Build);
        Assert.Equal(1, mixed.Grch37Votes);
        Assert.Equal(1, mixed.Grch38Votes);

        GenomeBuildDetection truncated = GenomeBuildDetector.Detect([new ContigInfo("chr8", 10_000), new ContigInfo("decoy", 5)]);
        Assert.Equal(GenomeBuild.Unknown, truncated.Build);
        BuildEvidence only = Assert.Single(truncated.Evidence);
        Assert.Contains("matches neither", only.Note, StringComparison.Ordinal);

        Assert.Equal(GenomeBuild.Unknown, GenomeBuildDetector.Detect([]).Build);
    }

    [Fact]
    public void Tables_differ_for_every_nuclear_chromosome()
    {
        foreach (string c in ContigNames.Primary.Where(c => c != "MT"))
        {
            Assert.NotEqual(ChromosomeLengths.GRCh37[c], ChromosomeLengths.GRCh38[c]);
        }
    }
}
