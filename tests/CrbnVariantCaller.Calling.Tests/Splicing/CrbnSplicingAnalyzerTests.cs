using System.Text.Json;
using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Pipeline.Counting;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.Splicing;

/// <summary>The exon-10 call on the synthetic RNA truth set (testdata/rna), stranded dUTP, hisat2.</summary>
public sealed class CrbnSplicingAnalyzerTests(ITestOutputHelper output)
{
    private static readonly TranscriptModel Crbn = CrbnTranscript.For(GenomeBuild.GRCh38);

    public static TheoryData<string, string> PsiSamples => new()
    {
        { "rna/exon10_psi/truth.json", "RNA_PSI000" },
        { "rna/exon10_psi/truth.json", "RNA_PSI005" },
        { "rna/exon10_psi/truth.json", "RNA_PSI020" },
        { "rna/exon10_psi/truth.json", "RNA_PSI045" },
        { "rna/expressed_snv/truth.json", "RNA_SNV" },
        { "rna/low_depth/truth.json", "RNA_LOWDEPTH" },
    };

    [Theory]
    [MemberData(nameof(PsiSamples))]
    public void Exon10_psi_matches_the_truth(string truthFile, string sample)
    {
        Truth truth = Truth.Load(truthFile, sample);
        CrbnSplicingResult result = Analyze(truth.Bam);
        Exon10Skipping e = result.Exon10;
        output.WriteLine($"{sample}: design psi {truth.DesignPsi}, junction-read truth psi {truth.JunctionPsi:0.000} ({truth.JunctionReads} reads: skip {truth.Skip}, incl {truth.Inclusion}); " +
                         $"ours {e.PsiSkipped:0.000} [{e.CiLow:0.000}, {e.CiHigh:0.000}] skip {e.SkipReads} incl {e.InclusionReads} -> {e.Status.ToReportValue()}");
        output.WriteLine(e.Reasoning);

        output.WriteLine($"  simulated junction reads (anchor >= 8, by read origin): skip {truth.SimulatedSkip}, incl {truth.SimulatedInclusion}, psi {truth.SimulatedPsi:0.000}; " +
                         $"|ours - design| = {Math.Abs((e.PsiSkipped ?? double.NaN) - truth.DesignPsi):0.000}");
        if (truth.JunctionReads >= 100)
        {
            Assert.NotNull(e.PsiSkipped);
            Assert.True(Math.Abs(e.PsiSkipped!.Value - truth.JunctionPsi) <= 0.03,
                $"{sample}: psi {e.PsiSkipped:0.000} vs truth {truth.JunctionPsi:0.000} from the junction reads in the BAM");
            Assert.True(Math.Abs(e.PsiSkipped!.Value - truth.SimulatedPsi) <= 0.03,
                $"{sample}: psi {e.PsiSkipped:0.000} vs truth {truth.SimulatedPsi:0.000} from the simulated junction-spanning reads");
            Assert.NotEqual(SkippingStatus.NotAssessable, e.Status);
            Assert.InRange(truth.JunctionPsi, e.CiLow!.Value, e.CiHigh!.Value);
        }

        if (truth.DesignPsi == 0)
        {
            Assert.Equal(SkippingStatus.NotDetected, e.Status);
        }
        else if (truth.JunctionReads >= 100)
        {
            Assert.Equal(SkippingStatus.Detected, e.Status);
        }
        else
        {
            // Low depth: either not assessable, or a call whose interval admits a wide range.
            Assert.True(e.Status == SkippingStatus.NotAssessable || e.CiHigh - e.CiLow > 0.3, $"{sample}: {e.Reasoning}");
        }
    }

    [Fact]
    public void Short_overhang_and_multimapped_skip_reads_do_not_count()
    {
        // RNA_PSI000 has no skipped molecule, but hisat2 threads a short overhang across the skip junction.
        Truth truth = Truth.Load("rna/exon10_psi/truth.json", "RNA_PSI000");
        Assert.True(truth.Skip >= 1, "the fixture no longer has the short-overhang skip read this test is about");
        var (batch, refId) = RnaBams.LoadRegion(RnaBams.TestDataPath(truth.Bam), RnaBams.CrbnRegion);
        using var engine = CpuCompute.Engine();
        var loose = engine.AnalyzeCrbnSplicing(
            new CrbnSplicingAnalyzer(new SplicingOptions { MinAnchor = 0, UniqueOnly = false }), batch, Crbn, refId, Strandedness.ReverselyStranded);
        var strict = engine.AnalyzeCrbnSplicing(new CrbnSplicingAnalyzer(SplicingOptions.Default), batch, Crbn, refId, Strandedness.ReverselyStranded);
        output.WriteLine($"loose: skip {loose.Exon10.SkipReads}; default: skip {strict.Exon10.SkipReads}");
        Assert.Equal(truth.Skip, loose.Exon10.SkipReads);
        Assert.Equal(0, strict.Exon10.SkipReads);
        Assert.Equal(truth.Inclusion, loose.Exon10.InclusionReads);
    }

    [Fact]
    public void Library_strand_and_XS_strand_agree_on_hisat2_stranded_data()
    {
        Truth truth = Truth.Load("rna/exon10_psi/truth.json", "RNA_PSI020");
        var (batch, refId) = RnaBams.LoadRegion(RnaBams.TestDataPath(truth.Bam), RnaBams.CrbnRegion);
        using var engine = CpuCompute.Engine();
        var byLibrary = engine.AnalyzeCrbnSplicing(new CrbnSplicingAnalyzer(SplicingOptions.Default), batch, Crbn, refId, Strandedness.ReverselyStranded);
        var byTag = engine.AnalyzeCrbnSplicing(
            new CrbnSplicingAnalyzer(SplicingOptions.Default with { StrandSource = JunctionStrandSource.SpliceTag }), batch, Crbn, refId, Strandedness.ReverselyStranded);
        Assert.Equal(JunctionStrandSource.LibraryType, byLibrary.StrandSource);
        Assert.Equal(JunctionStrandSource.SpliceTag, byTag.StrandSource);
        Assert.Equal(byLibrary.Exon10.SkipReads, byTag.Exon10.SkipReads);
        Assert.Equal(byLibrary.Exon10.InclusionReads, byTag.Exon10.InclusionReads);

        // The wrong library type puts every CRBN read on the plus strand: nothing is left on CRBN's strand.
        var wrong = engine.AnalyzeCrbnSplicing(new CrbnSplicingAnalyzer(SplicingOptions.Default), batch, Crbn, refId, Strandedness.Stranded);
        Assert.Equal(SkippingStatus.NotAssessable, wrong.Exon10.Status);
    }

    [Fact]
    public void Every_annotated_intron_is_seen_and_the_landscape_is_annotated()
    {
        Truth truth = Truth.Load("rna/exon10_psi/truth.json", "RNA_PSI045");
        CrbnSplicingResult result = Analyze(truth.Bam);
        foreach (JunctionEvent j in result.Junctions)
        {
            output.WriteLine($"{j.Coordinates} {j.Strand} {j.Reads} {j.Kind} {j.Label}: {j.ProteinEffect}");
        }

        for (int n = 1; n <= 10; n++)
        {
            Intron intron = Crbn.Introns[n - 1];
            JunctionEvent j = Assert.Single(result.Junctions, e => e.IntronStart == intron.Interval.Start && e.IntronEnd == intron.Interval.End);
            Assert.Equal(JunctionKind.AnnotatedIntron, j.Kind);
            Assert.Equal(n, j.IntronNumber);
        }

        JunctionEvent skip = Assert.Single(result.Junctions, e => e.Kind == JunctionKind.ExonSkip);
        Assert.Equal(3_151_046, skip.IntronStart.Value);
        Assert.Equal(3_153_423, skip.IntronEnd.Value);
        Assert.Equal([10], skip.SkippedExons);
        Assert.Equal(132, skip.SkippedLength);
        Assert.Equal(FrameEffect.InFrame, skip.Frame);
        Assert.Equal(result.Exon10.SkipReads, skip.Reads);

        Assert.Equal(Crbn.Exons.Count, result.Sashimi.Exons.Count);
        Assert.Equal(result.Junctions.Count, result.Sashimi.Arcs.Count);
        Assert.Contains(result.Sashimi.Arcs, a => a.Start.Value == 3_151_045 && a.End.Value == 3_153_424 && a.Reads == skip.Reads);
    }

    private static CrbnSplicingResult Analyze(string bam)
    {
        var (batch, refId) = RnaBams.LoadRegion(RnaBams.TestDataPath(bam), RnaBams.CrbnRegion);
        using var engine = CpuCompute.Engine();
        return engine.AnalyzeCrbnSplicing(new CrbnSplicingAnalyzer(SplicingOptions.Default), batch, Crbn, refId, Strandedness.ReverselyStranded);
    }

    /// <summary>A sample's truth: the design psi and the exon-10 junction reads the generator found in the BAM.</summary>
    private sealed record Truth(string Bam, double DesignPsi, int Skip, int Inclusion, int SimulatedSkip, int SimulatedInclusion)
    {
        /// <summary>The same ratio over the reads the simulator drew across each junction with an 8-base anchor (by read origin, before alignment).</summary>
        public double SimulatedPsi => SimulatedSkip + SimulatedInclusion == 0 ? double.NaN : SimulatedSkip / (SimulatedSkip + (SimulatedInclusion / 2.0));

        public int JunctionReads => Skip + Inclusion;

        /// <summary>The truth psi under the same normalisation: skip / (skip + inclusion / 2) over the BAM's junction reads.</summary>
        public double JunctionPsi => JunctionReads == 0 ? double.NaN : Skip / (Skip + (Inclusion / 2.0));

        public static Truth Load(string truthFile, string sample)
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(RnaBams.TestDataPath(truthFile)));
            JsonElement s = doc.RootElement.GetProperty("samples").EnumerateArray().Single(e => e.GetProperty("sample").GetString() == sample);
            JsonElement crbn = s.GetProperty("crbn");
            JsonElement inBam = crbn.GetProperty("junction_reads_in_bam");
            JsonElement simulated = crbn.GetProperty("junction_reads_simulated");
            return new Truth(
                s.GetProperty("bam").GetString()!,
                crbn.GetProperty("design_psi_skipped").GetDouble(),
                inBam.GetProperty("exon9_exon11_skip").GetInt32(),
                inBam.GetProperty("exon9_exon10").GetInt32() + inBam.GetProperty("exon10_exon11").GetInt32(),
                simulated.GetProperty("exon9_exon11_skip").GetInt32(),
                simulated.GetProperty("exon9_exon10").GetInt32() + simulated.GetProperty("exon10_exon11").GetInt32());
        }
    }
}
