using System.Text;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;
using Xunit;

namespace CrbnVariantCaller.Core.Tests.Transcripts;

public sealed class GeneticCodeTests
{
    [Theory]
    [InlineData("ATG", 'M')]
    [InlineData("TGG", 'W')]
    [InlineData("TAA", '*')]
    [InlineData("TAG", '*')]
    [InlineData("TGA", '*')]
    [InlineData("cac", 'H')]
    [InlineData("GGN", 'X')]
    [InlineData("AGA", 'R')]
    [InlineData("TTT", 'F')]
    [InlineData("GCU", 'A')]
    public void Codons(string codon, char aa) => Assert.Equal(aa, GeneticCode.Translate((byte)codon[0], (byte)codon[1], (byte)codon[2]));

    [Fact]
    public void Reverse_complement_and_minus_strand_splicing()
    {
        byte[] s = "ACGTNacgtR"u8.ToArray();
        GeneticCode.ReverseComplement(s);
        Assert.Equal("YacgtNACGT", Encoding.ASCII.GetString(s));

        // Forward strand positions 1..30 of a toy contig; a minus-strand transcript with exons 21-30 and 1-9 (CDS 22..3).
        const string contig = "TTACATTTCAGGGGGGGGGGAACCACCATA";
        TranscriptModel t = new("NM_TOY.1", "TOY", Strand.Minus,
            [new GenomicInterval("t", new Position(21), new Position(30)), new GenomicInterval("t", new Position(1), new Position(9))],
            [new GenomicInterval("t", new Position(3), new Position(9)), new GenomicInterval("t", new Position(21), new Position(22))]);
        byte[] Fetch(GenomicInterval iv) => Encoding.ASCII.GetBytes(contig.Substring(iv.Start.ZeroBased, iv.Length));

        Assert.Equal("TATGGTGGTTGAAATGTAA", Encoding.ASCII.GetString(TranscriptSequence.Mrna(t, Fetch)));
        byte[] cds = TranscriptSequence.Cds(t, Fetch);
        Assert.Equal("TTGAAATGT", Encoding.ASCII.GetString(cds));
        Assert.Equal("LKC", GeneticCode.Translate(cds));
    }
}
