using System.Text;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Formats.Gtf;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Fasta;

/// <summary>
/// The built-in CRBN model against the project's SYNTHETIC GRCh38 reference (testdata/reference, bgzipped with .fai
/// and .gzi; CRBN there encodes the real Q96SW2 protein): an end-to-end check of the minus-strand model.
/// </summary>
public sealed class SyntheticCrbnReferenceTests
{
    private static string Reference => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    [Fact]
    public void Spliced_crbn_cds_translates_to_the_real_protein()
    {
        using IndexedFastaReader fasta = IndexedFastaReader.Open(Reference, new FastaReaderOptions { UpperCase = true });
        Assert.True(fasta.IsBgzipped);
        Assert.Equal(GenomeBuild.GRCh38, GenomeBuildDetector.Detect(fasta.Contigs).Build);
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);

        byte[] cds = TranscriptSequence.Cds(crbn, fasta.Fetch);

        Assert.Equal(BuiltInResources.CrbnProtein + "*", GeneticCode.Translate(cds));
        Assert.Equal("ATG", Encoding.ASCII.GetString(cds, 0, 3));
        foreach (KeyResidue residue in KnownCodons.All)
        {
            byte[] codon = residue.Grch38.Select(p => fasta.Fetch(new(crbn.Contig, p, p))[0]).Select(GeneticCode.Complement).ToArray();
            Assert.Equal(residue.AminoAcid, GeneticCode.Translate(codon[0], codon[1], codon[2]));
        }
    }

    [Fact]
    public void Every_crbn_intron_is_gt_ag_on_the_minus_strand()
    {
        using IndexedFastaReader fasta = IndexedFastaReader.Open(Reference, new FastaReaderOptions { UpperCase = true });
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);

        foreach (Intron intron in crbn.Introns.Append(crbn.SkipJunction(10)))
        {
            byte[] bases = fasta.Fetch(intron.Interval);
            GeneticCode.ReverseComplement(bases);
            string s = Encoding.ASCII.GetString(bases);
            Assert.True(s.StartsWith("GT", StringComparison.Ordinal) && s.EndsWith("AG", StringComparison.Ordinal), $"intron {intron.Interval}: {s[..2]}..{s[^2..]}");
        }
    }

    [Fact]
    public void Testdata_annotation_gives_the_same_crbn_model()
    {
        IReadOnlyList<Core.Transcripts.TranscriptModel> models = TranscriptModelBuilder.Load(Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.gtf"));
        TranscriptModel fromGtf = Assert.Single(models, m => m.TranscriptId == "NM_016302.4");
        TranscriptModel builtIn = CrbnTranscript.For(GenomeBuild.GRCh38);

        Assert.Equal(builtIn.Exons, fromGtf.Exons);
        Assert.Equal(builtIn.CdsIntervals, fromGtf.CdsIntervals);
        Assert.Equal("CRBN", fromGtf.GeneSymbol);
    }
}
