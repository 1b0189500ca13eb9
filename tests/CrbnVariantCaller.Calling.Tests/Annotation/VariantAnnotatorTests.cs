using System.Text;
using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Annotation;

public sealed class VariantAnnotatorTests
{
    public static TheoryData<string> TruthLabels()
    {
        var data = new TheoryData<string>();
        foreach (AnnotationWorld.TruthRecord r in AnnotationWorld.TruthRecords())
        {
            data.Add(r.Label);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TruthLabels))]
    public void Designed_variants_get_the_hgvs_and_consequence_of_the_truth_vcf(string label)
    {
        AnnotationWorld.TruthRecord truth = AnnotationWorld.TruthRecords().Single(r => r.Label == label);
        VariantAnnotation a = AnnotationWorld.Annotator(GenomeBuild.GRCh38).Annotate(new Position(truth.Position), truth.Ref, truth.Alt);
        Assert.Equal(truth.HgvsC, a.HgvsC);
        Assert.Equal(truth.HgvsP, a.HgvsP);
        Assert.Equal(truth.Csq, a.MostSevere.ToSoTerm());
    }

    [Theory]
    [InlineData(GenomeBuild.GRCh38, 3152466, 3152465, 3152464, 3151038, 3151037, 3151036)]
    [InlineData(GenomeBuild.GRCh37, 3194150, 3194149, 3194148, 3192722, 3192721, 3192720)]
    public void W380_and_W386_sit_at_the_key_codon_table_positions_on_both_builds(GenomeBuild build, int w380c1, int w380c2, int w380c3, int w386c1, int w386c2, int w386c3)
    {
        // crbn_key_codons.tsv: W380 c.1138-1140, W386 c.1156-1158 (minus strand: c.1st base has the highest coordinate).
        TranscriptModel crbn = CrbnTranscript.For(build);
        Assert.Equal(new[] { w380c1, w380c2, w380c3 }, crbn.GetCodonPositions(380).Select(p => p.Value));
        Assert.Equal(new[] { w386c1, w386c2, w386c3 }, crbn.GetCodonPositions(386).Select(p => p.Value));

        VariantAnnotator annotator = AnnotationWorld.Annotator(build);
        Assert.Equal('W', annotator.ReferenceProtein[379]);
        Assert.Equal('W', annotator.ReferenceProtein[385]);

        // Trp = TGG on the transcript, so the genomic base at c.1st is A (complement of T); A>C is c.T>G, p.Trp>Gly.
        VariantAnnotation w380g = annotator.Annotate(new Position(w380c1), "A", "C");
        Assert.Equal("c.1138T>G", w380g.HgvsC);
        Assert.Equal("p.Trp380Gly", w380g.HgvsP);
        Assert.True(w380g.InDrugBindingDomain);
        Assert.Equal(10, w380g.Exon);

        VariantAnnotation w386r = annotator.Annotate(new Position(w386c1), "A", "G");
        Assert.Equal("c.1156T>C", w386r.HgvsC);
        Assert.Equal("p.Trp386Arg", w386r.HgvsP);
        Assert.Equal(VariantConsequence.Missense, w386r.MostSevere);
        Assert.Equal(386, w386r.ProteinPosition);

        // TGG -> TGA (genomic c.3rd C>T on the minus strand): nonsense.
        VariantAnnotation w386x = annotator.Annotate(new Position(w386c3), "C", "T");
        Assert.Equal("c.1158G>A", w386x.HgvsC);
        Assert.Equal("p.Trp386Ter", w386x.HgvsP);
        Assert.Equal(VariantConsequence.StopGained, w386x.MostSevere);
    }

    [Theory]
    [InlineData(GenomeBuild.GRCh38)]
    [InlineData(GenomeBuild.GRCh37)]
    public void S339_split_across_exons_9_and_10_and_its_splice_sites(GenomeBuild build)
    {
        VariantAnnotator annotator = AnnotationWorld.Annotator(build);
        ReferenceSlice slice = AnnotationWorld.Slice(build);
        TranscriptModel crbn = CrbnTranscript.For(build);
        Position[] codon = crbn.GetCodonPositions(339);
        Assert.Equal(9, crbn.ExonAt(codon[0])!.Number);
        Assert.Equal(9, crbn.ExonAt(codon[1])!.Number);
        Assert.Equal(10, crbn.ExonAt(codon[2])!.Number);

        // The third base (c.1017) is the first base of exon 10. Change it to every other base and compare with a
        // translation of the mutated codon built by hand.
        byte[] refCodon = codon.Select(p => GeneticCode.Complement(slice.BaseAt(p))).ToArray();
        Assert.Equal('S', GeneticCode.Translate(refCodon[0], refCodon[1], refCodon[2]));
        foreach (byte alt in "ACGT"u8.ToArray().Where(b => b != slice.BaseAt(codon[2])))
        {
            VariantAnnotation a = annotator.Annotate(codon[2], ((char)slice.BaseAt(codon[2])).ToString(), ((char)alt).ToString());
            char aa = GeneticCode.Translate(refCodon[0], refCodon[1], GeneticCode.Complement(alt));
            string expectedP = aa == 'S' ? "p.=" : aa == '*' ? "p.Ser339Ter" : $"p.Ser339{AminoAcids.ThreeLetter(aa)}";
            Assert.Equal($"c.1017{(char)refCodon[2]}>{(char)GeneticCode.Complement(alt)}", a.HgvsC);
            Assert.Equal(expectedP, a.HgvsP);
            Assert.Contains(VariantConsequence.SpliceRegion, a.Consequences);
            Assert.True(a.InDrugBindingDomain);
            Assert.Equal(10, a.Exon);
        }

        // c.1016+1 (first base of intron 9, the G of GT) and c.1017-1 (last base of intron 9, the G of AG).
        Position donor = codon[1].Offset(-1);
        Position acceptor = codon[2].Offset(1);
        Assert.Equal((byte)'C', slice.BaseAt(donor));    // G on the transcript strand
        Assert.Equal((byte)'C', slice.BaseAt(acceptor)); // G of AG
        VariantAnnotation d = annotator.Annotate(donor, "C", "T");
        Assert.Equal("c.1016+1G>A", d.HgvsC);
        Assert.Equal("p.?", d.HgvsP);
        Assert.Equal(VariantConsequence.SpliceDonor, d.MostSevere);
        Assert.Equal(9, d.Intron);
        VariantAnnotation ac = annotator.Annotate(acceptor, "C", "A");
        Assert.Equal("c.1017-1G>T", ac.HgvsC);
        Assert.Equal(VariantConsequence.SpliceAcceptor, ac.MostSevere);
        Assert.True(ac.InDrugBindingDomain);

        Position region = codon[2].Offset(5);
        string b = ((char)slice.BaseAt(region)).ToString();
        VariantAnnotation r = annotator.Annotate(region, b, b == "A" ? "G" : "A");
        Assert.StartsWith("c.1017-5", r.HgvsC, StringComparison.Ordinal);
        Assert.Equal(VariantConsequence.SpliceRegion, r.MostSevere);
    }

    [Fact]
    public void An_insertion_repeating_the_base_before_it_is_a_dup_and_shifts_the_frame()
    {
        VariantAnnotator annotator = AnnotationWorld.Annotator(GenomeBuild.GRCh38);
        ReferenceSlice slice = AnnotationWorld.Slice(GenomeBuild.GRCh38);
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);

        // Find a coding base c.N whose transcript base differs from c.N+1 (so the 3' shift stops at once).
        int n = 700;
        while (slice.BaseAt(crbn.ToGenomic(new CdsPosition(CodingRegion.Coding, n))) == slice.BaseAt(crbn.ToGenomic(new CdsPosition(CodingRegion.Coding, n + 1))))
        {
            n++;
        }

        Position gN = crbn.ToGenomic(new CdsPosition(CodingRegion.Coding, n));
        Position gNext = gN.Offset(-1); // minus strand: c.N+1 is one base lower
        string anchor = ((char)slice.BaseAt(gNext)).ToString();
        string copy = ((char)slice.BaseAt(gN)).ToString();

        // VCF: anchored on the left (lower) base, the inserted genomic base is the same as c.N's genomic base.
        VariantAnnotation a = annotator.Annotate(gNext, anchor, anchor + copy);
        Assert.Equal($"c.{n}dup", a.HgvsC);
        Assert.Equal(VariantConsequence.Frameshift, a.MostSevere);
        Assert.Matches(@"^p\.[A-Z][a-z]{2}\d+[A-Z][a-z]{2}fsTer(\d+|\?)$", a.HgvsP);
    }

    [Fact]
    public void Plus_and_minus_strand_conventions_agree_on_a_mirrored_transcript()
    {
        // Mirror the reference slice and the CRBN model: the same gene on the plus strand. Every designed variant,
        // mirrored (reverse-complemented alleles), must give the same c. and p. notation: on the minus strand a genomic
        // A>G is c.T>C, on the plus strand the mirrored genomic T>C is c.T>C.
        ReferenceSlice slice = AnnotationWorld.Slice(GenomeBuild.GRCh38);
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);
        int s0 = slice.Start.Value;
        int last = slice.End.Value;
        int Mirror(int g) => s0 + (last - g);
        byte[] mirroredBases = slice.Bases.ToArray();
        GeneticCode.ReverseComplement(mirroredBases);
        var mirroredSlice = new ReferenceSlice("chrM", slice.Start, mirroredBases);
        var plus = new TranscriptModel(
            "NM_MIRROR.1",
            "MIRROR",
            Strand.Plus,
            crbn.Exons.Select(e => new GenomicInterval("chrM", new Position(Mirror(e.Interval.End.Value)), new Position(Mirror(e.Interval.Start.Value)))),
            crbn.CdsIntervals.Select(c => new GenomicInterval("chrM", new Position(Mirror(c.End.Value)), new Position(Mirror(c.Start.Value)))));
        var minusAnnotator = new VariantAnnotator(crbn, slice);
        var plusAnnotator = new VariantAnnotator(plus, mirroredSlice);
        Assert.Equal(minusAnnotator.ReferenceProtein, plusAnnotator.ReferenceProtein);

        static string RevComp(string s)
        {
            byte[] b = Encoding.ASCII.GetBytes(s);
            GeneticCode.ReverseComplement(b);
            return Encoding.ASCII.GetString(b);
        }

        foreach (AnnotationWorld.TruthRecord t in AnnotationWorld.TruthRecords())
        {
            VariantAnnotation m = minusAnnotator.Annotate(new Position(t.Position), t.Ref, t.Alt);
            VariantAnnotation p = plusAnnotator.Annotate(new Position(Mirror(t.Position + t.Ref.Length - 1)), RevComp(t.Ref), RevComp(t.Alt));
            Assert.Equal(t.HgvsC, m.HgvsC);
            Assert.Equal(m.HgvsC, p.HgvsC);
            Assert.Equal(m.HgvsP, p.HgvsP);
            Assert.Equal(m.Consequences, p.Consequences);
        }

        // A plus-strand SNV: the genomic base is the transcript base.
        Position w386 = new(Mirror(3151038));
        Assert.Equal((byte)'T', mirroredSlice.BaseAt(w386));
        Assert.Equal("c.1156T>C", plusAnnotator.Annotate(w386, "T", "C").HgvsC);
    }

    [Fact]
    public void An_in_frame_deletion_is_shifted_3_prime_on_the_transcript()
    {
        // DEL3 GGAT>G (c.268_270del, p.Ile90del) written one base to the right (genomic) must still normalise to the
        // same, 3'-most (on the minus strand: leftmost) description when the deleted bases repeat; otherwise it differs.
        VariantAnnotator annotator = AnnotationWorld.Annotator(GenomeBuild.GRCh38);
        VariantAnnotation a = annotator.Annotate(new Position(3174165), "GGAT", "G");
        Assert.Equal("c.268_270del", a.HgvsC);
        Assert.Equal("p.Ile90del", a.HgvsP);
        Assert.Equal(VariantConsequence.InframeDeletion, a.MostSevere);
        Assert.False(a.InDrugBindingDomain);
    }
}
