using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;
using Xunit;

namespace CrbnVariantCaller.Core.Tests.Transcripts;

public sealed class TranscriptModelTests
{
    private static GenomicInterval I(int start, int end) => new("chrT", new Position(start), new Position(end));

    // Plus strand: exons 100-199, 301-349, 500-599; CDS 150..520 (50 + 49 + 21 = 120 bp = 40 codons).
    private static TranscriptModel Plus() =>
        new("NM_TEST.1", "TEST", Strand.Plus, [I(500, 599), I(100, 199), I(301, 349)], [I(150, 199), I(301, 349), I(500, 520)]);

    [Theory]
    [InlineData(150, "c.1")]
    [InlineData(149, "c.-1")]
    [InlineData(100, "c.-50")]
    [InlineData(199, "c.50")]
    [InlineData(200, "c.50+1")]
    [InlineData(250, "c.50+51")] // middle of a 101-bp intron takes the + form
    [InlineData(251, "c.51-50")]
    [InlineData(300, "c.51-1")]
    [InlineData(301, "c.51")]
    [InlineData(520, "c.120")]
    [InlineData(521, "c.*1")]
    [InlineData(599, "c.*79")]
    public void Plus_strand_positions(int genomic, string expected)
    {
        TranscriptModel t = Plus();
        CdsPosition c = t.GetCdsPosition(new Position(genomic));
        Assert.Equal(expected, c.ToString());
        Assert.Equal(new Position(genomic), t.ToGenomic(c));
    }

    [Fact]
    public void Shape_codons_and_junctions()
    {
        TranscriptModel t = Plus();
        Assert.Equal([1, 2, 3], t.Exons.Select(e => e.Number));
        Assert.Equal(I(100, 199), t.GetExon(1).Interval);
        Assert.Equal(120, t.CdsLength);
        Assert.Equal(249, t.TranscriptLength);
        Assert.Equal(I(200, 300), t.Introns[0].Interval);
        Assert.Equal(I(200, 499), t.SkipJunction(2).Interval);
        Assert.Equal([new Position(198), new Position(199), new Position(301)], t.GetCodonPositions(17)); // c.49-51 spans the intron
        Assert.True(t.TryGetCodon(new Position(301), out int codon, out int inCodon));
        Assert.Equal((17, 3), (codon, inCodon));
        Assert.False(t.TryGetCodon(new Position(250), out _, out _));
        Assert.Null(t.ExonAt(new Position(250)));
        Assert.Equal(2, t.ExonAt(new Position(320))?.Number);
    }

    [Fact]
    public void Invalid_offsets_and_models_are_rejected()
    {
        TranscriptModel t = Plus();
        Assert.Throws<ArgumentOutOfRangeException>(() => t.ToGenomic(CdsPosition.Parse("c.49+1")));  // not an exon end
        Assert.Throws<ArgumentOutOfRangeException>(() => t.ToGenomic(CdsPosition.Parse("c.50+102"))); // past the intron
        Assert.Throws<ArgumentOutOfRangeException>(() => t.ToGenomic(CdsPosition.Parse("c.121")));
        Assert.Throws<ArgumentOutOfRangeException>(() => t.ToGenomic(CdsPosition.Parse("c.-51")));
        Assert.Throws<FormatException>(() => CdsPosition.Parse("c.x12"));

        Assert.Throws<ArgumentException>(() => new TranscriptModel("X", "X", Strand.Plus, [I(100, 200), I(150, 300)], []));
        Assert.Throws<ArgumentException>(() => new TranscriptModel("X", "X", Strand.Unknown, [I(100, 200)], []));
        Assert.Throws<ArgumentException>(() => new TranscriptModel("X", "X", Strand.Plus, [I(100, 200)], [I(150, 250)]));
        // CDS with a hole in the middle of the spliced transcript.
        Assert.Throws<ArgumentException>(() => new TranscriptModel("X", "X", Strand.Plus, [I(100, 199), I(301, 349), I(500, 599)], [I(150, 199), I(500, 520)]));
    }

    [Fact]
    public void Non_coding_transcripts_map_to_n_coordinates_only()
    {
        TranscriptModel t = new("NR_TEST.1", "TEST", Strand.Minus, [I(100, 199), I(301, 349)], []);
        Assert.False(t.IsCoding);
        Assert.False(t.TryGetCdsPosition(new Position(150), out _));
        Assert.True(t.TryGetTranscriptCoordinate(new Position(349), out int n, out int offset));
        Assert.Equal((1, 0), (n, offset));
        Assert.True(t.TryGetTranscriptCoordinate(new Position(299), out n, out offset));
        Assert.Equal((49, 2), (n, offset));
        Assert.Equal(new Position(100), t.TranscriptToGenomic(149));
    }
}
