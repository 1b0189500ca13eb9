using CrbnVariantCaller.TestSupport;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Core.Genome;
using Xunit;

namespace CrbnVariantCaller.Core.Tests.Genome;

public sealed class ReferenceCompatibilityTests
{
    [Fact]
    public void Length_mismatch_names_file_contig_and_both_lengths()
    {
        ContigInfo[] bam = [new("chr3", 198_295_559)];
        ContigInfo[] reference = [new("chr3", 198_022_430)];

        ReferenceCompatibilityReport report = ReferenceCompatibility.Compare(bam, reference);
        Assert.False(report.IsCompatible);
        var ex = Assert.Throws<ReferenceMismatchException>(() => report.ThrowIfIncompatible("/data/ref/REF.fa"));

        Assert.IsAssignableFrom<InvalidInputFileException>(ex);
        Assert.Equal("/data/ref/REF.fa", ex.FilePath);
        Assert.Equal("chr3", ex.Contig);
        Assert.Equal(198_295_559, ex.BamLength);
        Assert.Equal(198_022_430, ex.ReferenceLength);
        Assert.Equal(
            "reference does not match the BAM: chr3 is 198,022,430 bp in REF.fa but 198,295,559 bp in the BAM header; the BAM is GRCh38 but the reference is GRCh37",
            ex.Message);
        Assert.StartsWith("/data/ref/REF.fa: reference does not match the BAM: chr3 is 198,022,430 bp", ex.ToUserMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_contig_only_throws_when_used()
    {
        ContigInfo[] bam = [new("chr3", 198_295_559), new("chrUn_KI270302v1", 2_274)];
        ContigInfo[] reference = [new("chr3", 198_295_559)];

        ReferenceCompatibilityReport report = ReferenceCompatibility.Compare(bam, reference);
        ContigMismatch m = Assert.Single(report.Mismatches);
        Assert.Equal(ContigMismatchKind.MissingFromReference, m.Kind);

        report.ThrowIfIncompatible("ref.fa", ["chr3"]); // does not throw
        var ex = Assert.Throws<ReferenceMismatchException>(() => report.ThrowIfIncompatible("ref.fa"));
        Assert.Equal("reference does not match the BAM: chrUn_KI270302v1 (2,274 bp in the BAM header) is not in ref.fa", ex.Message);
    }

    [Fact]
    public void Other_naming_style_with_same_lengths_is_compatible()
    {
        ContigInfo[] bam = [new("chr3", 198_295_559), new("chrM", 16_569)];
        ContigInfo[] reference = [new("3", 198_295_559), new("MT", 16_569)];

        ReferenceCompatibilityReport report = ReferenceCompatibility.Compare(bam, reference);

        Assert.True(report.IsCompatible);
        Assert.Equal("3", report.ReferenceNames["chr3"]);
        Assert.Equal("MT", report.ReferenceNames["chrM"]);
    }

    [CorpusFact("samtools")]
    public void Grch38_bam_against_hg19_contigs_from_real_headers()
    {
        var bam = SamtoolsHeader.Contigs(SamtoolsHeader.Corpus("real_dna/covtobed_duplicates.HG00114.GRCh38.bam"));
        var hg19 = SamtoolsHeader.Contigs(SamtoolsHeader.Corpus("real_dna/covtobed_panel_01.hg19.bam"));

        ReferenceCompatibilityReport report = ReferenceCompatibility.Compare(bam, hg19);
        var ex = Assert.Throws<ReferenceMismatchException>(() => report.ThrowIfIncompatible("hg19.fa", ["chr3"]));

        Assert.Equal(25, report.Mismatches.Count(x => x.Kind == ContigMismatchKind.LengthDiffers)); // 1-22, X, Y and chrM (16,569 vs 16,571)
        Assert.StartsWith("reference does not match the BAM: chr1 is 249,250,621 bp in hg19.fa but 248,956,422 bp in the BAM header; 24 more contigs differ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("the BAM is GRCh38 but the reference is GRCh37", ex.Message, StringComparison.Ordinal);
        Assert.Contains(report.Mismatches, x => x.BamContig == "chr3" && x.ReferenceLength == 198_022_430 && x.BamLength == 198_295_559);
    }
}
