using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Splicing;

/// <summary>Junction classes and protein effects on NM_016302.4 (GRCh38), checked against CRBN.md §Exon 10.</summary>
public sealed class JunctionAnnotatorTests
{
    private static readonly TranscriptModel Crbn = CrbnTranscript.For(GenomeBuild.GRCh38);
    private static readonly JunctionAnnotator Annotator = new(Crbn);

    private static JunctionEvent At(int start, int end) => Annotator.Annotate(new Position(start), new Position(end), Strand.Minus, 7);

    [Fact]
    public void Annotated_introns_use_the_star_coordinates_of_the_facts_table()
    {
        JunctionEvent intron9 = At(3_152_588, 3_153_423);
        Assert.Equal(JunctionKind.AnnotatedIntron, intron9.Kind);
        Assert.Equal(9, intron9.IntronNumber);
        Assert.Equal(FrameEffect.None, intron9.Frame);
        Assert.Equal(10, At(3_151_046, 3_152_455).IntronNumber);
        Assert.Equal(1, At(3_175_270, 3_179_620).IntronNumber);
    }

    [Fact]
    public void Exon10_skip_removes_c1017_1148_in_frame_and_without_a_reference_names_no_residue_range()
    {
        JunctionEvent e = At(3_151_046, 3_153_423);
        Assert.Equal(JunctionKind.ExonSkip, e.Kind);
        Assert.Equal([10], e.SkippedExons);
        Assert.Equal(132, e.SkippedLength);
        Assert.Equal(-132, e.TranscriptLengthChange);
        Assert.Equal(FrameEffect.InFrame, e.Frame);
        Assert.Equal(9, e.DonorExon);
        Assert.Equal(11, e.AcceptorExon);
        Assert.Contains("c.1017_1148 removed", e.ProteinEffect, StringComparison.Ordinal);
        Assert.Contains("joint codon c.1015_1016 + c.1149", e.ProteinEffect, StringComparison.Ordinal);
        Assert.Contains("398-aa protein", e.ProteinEffect, StringComparison.Ordinal);
        Assert.Contains("drug-binding pocket lost: H378, W380", e.ProteinEffect, StringComparison.Ordinal);
        Assert.DoesNotContain("340–382", e.ProteinEffect, StringComparison.Ordinal);
        Assert.DoesNotContain("340-382", e.ProteinEffect, StringComparison.Ordinal);
    }

    /// <summary>
    /// On the synthetic reference codon 339 is AGC (Ser) and codon 383 GGG (Gly): skipping exon 10 joins c.1015_1016 (AG)
    /// to c.1149 (G), AGG = Arg, so the protein change is a delins of 339–383, not a deletion of 340–382.
    /// </summary>
    [Fact]
    public void Exon10_skip_protein_change_is_computed_from_the_reference_sequence()
    {
        var annotator = new JunctionAnnotator(Crbn, Annotation.AnnotationWorld.Slice(GenomeBuild.GRCh38));
        JunctionEvent e = annotator.Annotate(new Position(3_151_046), new Position(3_153_423), Strand.Minus, 7);
        Assert.StartsWith("in-frame deletion p.(Ser339_Gly383delinsArg) (computed from the reference sequence)", e.ProteinEffect, StringComparison.Ordinal);
        Assert.Equal("p.(Ser339_Gly383delinsArg)", annotator.InFrameDeletionProtein(1017, 1148));
    }

    [Fact]
    public void Exon8_skip_shifts_the_frame_after_residue_278()
    {
        Intron skip8 = Crbn.SkipJunction(8);
        JunctionEvent e = At(skip8.Interval.Start.Value, skip8.Interval.End.Value);
        Assert.Equal(JunctionKind.ExonSkip, e.Kind);
        Assert.Equal([8], e.SkippedExons);
        Assert.Equal(116, e.SkippedLength);
        Assert.Equal(FrameEffect.Frameshift, e.Frame);
        Assert.StartsWith("frameshift after residue 278", e.ProteinEffect, StringComparison.Ordinal);
        Assert.Contains("before the CULT drug-binding domain", e.ProteinEffect, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipping_exons_8_and_9_lists_both_and_shifts_the_frame()
    {
        Intron j = Crbn.Junction(7, 10);
        JunctionEvent e = At(j.Interval.Start.Value, j.Interval.End.Value);
        Assert.Equal([8, 9], e.SkippedExons);
        Assert.Equal(116 + 65, e.SkippedLength);
        Assert.Equal(FrameEffect.Frameshift, e.Frame);
        Assert.Equal("skip of exons 8–9 (exon 7 to exon 10)", e.Label);
    }

    [Fact]
    public void A_shifted_acceptor_three_bases_into_exon_10_deletes_one_residue_in_frame()
    {
        // Donor = exon 9's annotated 3' end; the acceptor moves 3 bases into exon 10 (c.1017_1019 removed).
        JunctionEvent e = At(3_152_585, 3_153_423);
        Assert.Equal(JunctionKind.AlternativeAcceptor, e.Kind);
        Assert.Equal(-3, e.TranscriptLengthChange);
        Assert.Equal(FrameEffect.InFrame, e.Frame);
        Assert.Contains("c.1017_1019 removed", e.ProteinEffect, StringComparison.Ordinal);
        Assert.Contains("codons 339–340 are affected", e.ProteinEffect, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shifted_donor_one_base_into_intron_9_shifts_the_frame()
    {
        // Exon 9 extended by one intronic base (donor at 3,153,423 instead of 3,153,424), acceptor exon 10 annotated.
        JunctionEvent e = At(3_152_588, 3_153_422);
        Assert.Equal(JunctionKind.AlternativeDonor, e.Kind);
        Assert.Equal(1, e.TranscriptLengthChange);
        Assert.Equal(FrameEffect.Frameshift, e.Frame);
        Assert.StartsWith("frameshift after residue 338", e.ProteinEffect, StringComparison.Ordinal);
    }

    [Fact]
    public void Junctions_in_the_3prime_utr_and_inside_introns_are_novel()
    {
        JunctionEvent utr = At(3_150_000, 3_150_500);
        Assert.Equal(JunctionKind.Novel, utr.Kind);
        Assert.Equal(FrameEffect.NonCoding, utr.Frame);
        Assert.Contains("3' UTR only", utr.ProteinEffect, StringComparison.Ordinal);

        JunctionEvent intronic = At(3_160_000, 3_165_000);
        Assert.Equal(JunctionKind.Novel, intronic.Kind);
        Assert.Equal(FrameEffect.Unknown, intronic.Frame);
    }
}
