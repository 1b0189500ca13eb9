using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Compute.Backends;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Snv;

/// <summary>The caller against the truth VCFs of testdata/ (synthetic CRBN world).</summary>
public sealed class SnvTruthSetTests
{
    [Fact]
    public void Deep_panel_finds_every_somatic_variant_at_vaf_2_percent_and_above_with_the_truth_hgvs()
    {
        using ComputeEngine engine = CpuCompute.Engine();
        SnvCallSet calls = SnvWorld.Call(engine, "dna/deep_panel/DEEP_TUMOR.bam", "dna/deep_panel/DEEP_NORMAL.bam");
        List<SnvWorld.Truth> truth = SnvWorld.TruthIn("dna/deep_panel/DEEP_TUMOR.truth.vcf.gz");
        List<SnvWorld.Truth> targets = truth.Where(t => t.Somatic && t.RealisedVaf >= 0.02).ToList();
        Assert.True(targets.Count >= 5, "the deep panel should hold at least five somatic variants at VAF >= 0.02");
        foreach (SnvWorld.Truth t in targets)
        {
            SnvVariant? v = SnvWorld.Find(calls, t);
            Assert.True(v is not null, $"{t.Label} {t.Position} {t.Ref}>{t.Alt} not called");
            Assert.True(v!.IsPass, $"{t.Label} filtered: {v.FilterText}");
            Assert.Equal(t.HgvsC, v.Annotation!.HgvsC);
            Assert.Equal(t.HgvsP, v.Annotation.HgvsP);
            Assert.InRange(v.Depth, 1500, 2500);               // no depth cap
            Assert.InRange(v.Vaf, t.RealisedVaf * 0.7, t.RealisedVaf * 1.3);
        }

        // Every indel of the truth (VAF 0.04 insertion, 0.08 deletion) is found.
        Assert.All(truth.Where(t => t.Ref.Length != t.Alt.Length), t => Assert.True(SnvWorld.Find(calls, t)?.IsPass, t.Label));

        // No PASS call outside the truth; the germline E200E is seen in the normal and filtered.
        Assert.All(calls.Variants.Where(v => v.IsPass), v =>
            Assert.Contains(truth, t => t.Somatic && t.Position == v.Position.Value && t.Ref == v.Ref && t.Alt == v.Alt));
        SnvVariant e200e = SnvWorld.Find(calls, truth.Single(t => t.Label == "E200E"))!;
        Assert.Contains(SnvFilter.NormalEvidence, e200e.Filters);

        Assert.Equal(BackendKind.Cpu, engine.Primary.Kind);
        Assert.Empty(engine.FallbackEvents);
        Assert.Empty(calls.NotAssessable);
        Assert.All(calls.DetectionLimits, l => Assert.True(l.MinimumVaf < 0.02, $"{l.HgvsPosition}: LoD {l.MinimumVaf} at depth {l.Depth}"));
        Assert.InRange(calls.Qc.MeanDepth, 1700, 2300);
        Assert.Equal(1.0, calls.Qc.FractionAtLeast500);
    }

    [Fact]
    public void Deep_panel_force_genotypes_the_pocket_residues()
    {
        SnvCallSet calls = SnvWorld.Call("dna/deep_panel/DEEP_TUMOR.bam");
        KnownResidueGenotype w380 = calls.KnownResidueGenotypes.Single(k => k.Label == "W380");
        KnownResidueGenotype w400 = calls.KnownResidueGenotypes.Single(k => k.Label == "W400");
        Assert.Contains(calls.KnownResidueGenotypes, k => k.Label == "H378");

        // W380G: chr3:3152466 A>C at 2 %; the C count is the pileup's and the variant is attached.
        AlleleCounts c1 = w380.Bases[0];
        Assert.Equal(3152466, c1.Position.Value);
        Assert.Equal('A', c1.Reference);
        Assert.Equal('C', c1.TopAlt);
        Assert.InRange(c1.C.Total, 30, 60);
        Assert.Single(w380.Variants);

        // W400 has no variant, but its counts are reported all the same.
        Assert.Empty(w400.Variants);
        Assert.All(w400.Bases, b => Assert.InRange(b.Depth, 1500, 2500));
        Assert.All(w400.Bases, b => Assert.True(b.TopAltVaf < 0.01));
    }

    [Fact]
    public void Tumour_normal_60x_finds_the_somatic_variants_from_vaf_8_percent()
    {
        SnvCallSet calls = SnvWorld.Call("dna/tumor_normal_60x/TN60_TUMOR.bam", "dna/tumor_normal_60x/TN60_NORMAL.bam");
        List<SnvWorld.Truth> truth = SnvWorld.TruthIn("dna/tumor_normal_60x/TN60_TUMOR.truth.vcf.gz");
        List<SnvWorld.Truth> somatic = truth.Where(t => t.Somatic).ToList();
        Assert.Equal(4, somatic.Count); // R419X 0.30, H353R 0.15, E140K 0.08, DEL2 0.20 (design VAFs)
        int found = somatic.Count(t => SnvWorld.Find(calls, t)?.IsPass == true);
        Assert.True(found >= 0.9 * somatic.Count, $"{found}/{somatic.Count} somatic variants found");
        Assert.All(calls.Variants.Where(v => v.IsPass), v =>
            Assert.Contains(somatic, t => t.Position == v.Position.Value && t.Ref == v.Ref && t.Alt == v.Alt));

        // At 60x a 5 % variant cannot be seen: every coding position is reported as not assessable, with a reason.
        Assert.NotEmpty(calls.NotAssessable);
        Assert.All(calls.NotAssessable, n => Assert.Contains("minimum detectable VAF", n.Reason, StringComparison.Ordinal));
        int coding = calls.DetectionLimits.Count;
        int notAssessable = calls.NotAssessable.Sum(n => n.Interval.Length);
        Assert.True(notAssessable > coding / 2, $"{notAssessable} of {coding} positions not assessable at 60x");
        Assert.InRange(calls.Qc.MeanDepth, 45, 75);
        Assert.Equal(0, calls.Qc.FractionAtLeast100, 2);
    }

    [Theory]
    [InlineData("dna/wgs_negative/WGS_NEG.bam", "dna/wgs_negative/WGS_NEG.truth.vcf.gz")]
    [InlineData("dna/tumor_normal_60x/TN60_NORMAL.bam", "dna/tumor_normal_60x/TN60_NORMAL.truth.vcf.gz")]
    [InlineData("dna/deep_panel/DEEP_NORMAL.bam", "dna/deep_panel/DEEP_NORMAL.truth.vcf.gz")]
    [InlineData("dna/copy_number/PON_N1.bam", "dna/copy_number/PON_N1.truth.vcf.gz")]
    [InlineData("dna/copy_number/PON_N2.bam", "dna/copy_number/PON_N2.truth.vcf.gz")]
    [InlineData("dna/copy_number/PON_N3.bam", "dna/copy_number/PON_N3.truth.vcf.gz")]
    [InlineData("dna/copy_number/PON_N4.bam", "dna/copy_number/PON_N4.truth.vcf.gz")]
    [InlineData("dna/copy_number/CN_NEUTRAL.bam", "dna/copy_number/CN_NEUTRAL.truth.vcf.gz")]
    public void Negative_samples_have_no_false_positive_in_crbn(string bam, string truthVcf)
    {
        SnvCallSet calls = SnvWorld.Call(bam);
        List<SnvWorld.Truth> truth = SnvWorld.TruthIn(truthVcf);
        Assert.All(truth, t => Assert.False(t.Somatic));
        Assert.All(calls.Variants.Where(v => v.IsPass), v =>
            Assert.Contains(truth, t => t.Position == v.Position.Value && t.Ref == v.Ref && t.Alt == v.Alt));

        // The germline E200E, where present, is called.
        foreach (SnvWorld.Truth t in truth)
        {
            Assert.True(SnvWorld.Find(calls, t)?.IsPass, $"{t.Label} missed");
        }
    }

    [Fact]
    public void Rna_calls_the_expressed_w386r_through_spliced_reads()
    {
        SnvCallSet calls = SnvWorld.Call("rna/expressed_snv/RNA_SNV.bam", rna: true);
        SnvWorld.Truth w386r = SnvWorld.TruthIn("rna/expressed_snv/RNA_SNV.truth.vcf.gz").Single();
        SnvVariant? v = SnvWorld.Find(calls, w386r);
        Assert.NotNull(v);
        Assert.True(v!.IsPass, v.FilterText);
        Assert.InRange(v.Vaf, 0.25, 0.5);
        Assert.Equal("p.Trp386Arg", v.Annotation!.HgvsP);
        Assert.True(v.Annotation.InDrugBindingDomain);
        Assert.Single(calls.Variants, x => x.IsPass);
    }
}
