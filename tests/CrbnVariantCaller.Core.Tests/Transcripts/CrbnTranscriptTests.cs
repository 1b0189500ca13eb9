using System.Globalization;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using Xunit;

namespace CrbnVariantCaller.Core.Tests.Transcripts;

public sealed class CrbnTranscriptTests
{
    public static TheoryData<GenomeBuild> Builds => new() { GenomeBuild.GRCh37, GenomeBuild.GRCh38 };

    private static Position P(int value) => new(value);

    [Theory]
    [MemberData(nameof(Builds))]
    public void Model_shape(GenomeBuild build)
    {
        TranscriptModel crbn = CrbnTranscript.For(build);

        Assert.Equal("NM_016302.4", crbn.TranscriptId);
        Assert.Equal(Strand.Minus, crbn.Strand);
        Assert.Equal(11, crbn.Exons.Count);
        Assert.Equal(1329, crbn.CdsLength);
        Assert.Equal(443, crbn.CodonCount);
        int shift = build == GenomeBuild.GRCh37 ? 41_684 : 0;
        Assert.Equal(new GenomicInterval("chr3", P(3_149_633 + shift), P(3_179_717 + shift)), crbn.Span);
        Assert.Equal(new GenomicInterval("chr3", P(3_179_621 + shift), P(3_179_717 + shift)), crbn.GetExon(1).Interval);
        Assert.Equal(new GenomicInterval("chr3", P(3_149_633 + shift), P(3_151_045 + shift)), crbn.GetExon(11).Interval);
    }

    [Fact]
    public void Exon10_is_132_bp_at_the_stated_coordinates()
    {
        Exon exon10 = CrbnTranscript.For(GenomeBuild.GRCh38).GetExon(10);
        Assert.Equal(132, exon10.Length);
        Assert.Equal("chr3:3,152,456-3,152,587", exon10.Interval.ToString());

        Exon exon10In37 = CrbnTranscript.For(GenomeBuild.GRCh37).GetExon(10);
        Assert.Equal("chr3:3,194,140-3,194,271", exon10In37.Interval.ToString());

        // c.1017-1148, in frame: skipping it removes the last base of codon 339, codons 340-382 and the first two bases of
        // codon 383; the joint codon c.1015_1016 + c.1149 decides the protein change (computed from the sequence).
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);
        Assert.Equal("c.1017", crbn.GetCdsPosition(exon10.Interval.End).ToString());
        Assert.Equal("c.1148", crbn.GetCdsPosition(exon10.Interval.Start).ToString());
        Assert.Equal(0, exon10.Length % 3);
    }

    [Fact]
    public void Delta_exon10_skip_junction_is_derived_from_the_model()
    {
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);

        Intron skip = crbn.SkipJunction(10);

        Assert.Equal(9, skip.UpstreamExon);
        Assert.Equal(11, skip.DownstreamExon);
        Assert.Equal(new GenomicInterval("chr3", P(3_151_046), P(3_153_423)), skip.Interval);
        Assert.Equal(new GenomicInterval("chr3", P(3_152_588), P(3_153_423)), crbn.Introns[8].Interval); // intron 9
        Assert.Equal(new GenomicInterval("chr3", P(3_151_046), P(3_152_455)), crbn.Introns[9].Interval); // intron 10
        Assert.Equal(
            new GenomicInterval("chr3", P(3_192_730), P(3_195_107)),
            CrbnTranscript.For(GenomeBuild.GRCh37).SkipJunction(10).Interval);
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Introns_match_the_facts_intron_table(GenomeBuild build)
    {
        TranscriptModel crbn = CrbnTranscript.For(build);
        int column = build == GenomeBuild.GRCh37 ? 1 : 3;
        var rows = BuiltInResources.ReadText("crbn_exons_grch37_grch38.tsv").Split('\n')
            .SkipWhile(l => !l.StartsWith("intron\t", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToList();
        Assert.Equal(11, rows.Count);

        foreach (string[] row in rows)
        {
            GenomicInterval expected = new("chr3", P(int.Parse(row[column], CultureInfo.InvariantCulture)), P(int.Parse(row[column + 1], CultureInfo.InvariantCulture)));
            Intron actual = row[0].StartsWith("exon9-exon11", StringComparison.Ordinal)
                ? crbn.SkipJunction(10)
                : crbn.Introns[int.Parse(row[0], CultureInfo.InvariantCulture) - 1];
            Assert.Equal(expected, actual.Interval);
        }
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Every_key_codon_maps_both_ways(GenomeBuild build)
    {
        TranscriptModel crbn = CrbnTranscript.For(build);
        Assert.True(KnownCodons.All.Count >= 20);

        foreach (KeyResidue residue in KnownCodons.All)
        {
            IReadOnlyList<Position> expected = residue.PositionsOn(build);
            Assert.Equal(expected, crbn.GetCodonPositions(residue.Codon));
            for (int i = 0; i < 3; i++)
            {
                Assert.True(crbn.TryGetCodon(expected[i], out int codon, out int inCodon), $"{residue.Label} base {i + 1}");
                Assert.Equal(residue.Codon, codon);
                Assert.Equal(i + 1, inCodon);
                Assert.Equal((3 * residue.Codon) - 2 + i, crbn.GetCdsPosition(expected[i]).Anchor);
            }

            if (residue.AminoAcid != '*')
            {
                Assert.Equal(residue.AminoAcid, BuiltInResources.CrbnProtein[residue.Codon - 1]);
            }
        }
    }

    [Fact]
    public void Key_residue_roles()
    {
        Assert.Equal(ResidueRole.DrugContact | ResidueRole.TriTryptophanPocket | ResidueRole.CultDomain, KnownCodons.RolesOf(380));
        Assert.True(KnownCodons.RolesOf(391).HasFlag(ResidueRole.ZincBinding));
        Assert.Equal(ResidueRole.None, KnownCodons.RolesOf(100));
        Assert.Equal("W400", KnownCodons.ByCodon(400)?.Label);
        Assert.Equal(443, KnownCodons.ByLabel("stop")?.Codon);
    }

    [Theory]
    [InlineData(3_153_424, "c.1016")]   // last base of exon 9
    [InlineData(3_153_423, "c.1016+1")] // donor +1 of intron 9
    [InlineData(3_153_422, "c.1016+2")]
    [InlineData(3_152_588, "c.1017-1")] // acceptor -1 of intron 9
    [InlineData(3_152_589, "c.1017-2")]
    [InlineData(3_153_006, "c.1016+418")] // intron 9 is 836 bp: 418 + 418
    [InlineData(3_153_005, "c.1017-418")]
    [InlineData(3_179_687, "c.1")]
    [InlineData(3_179_688, "c.-1")]
    [InlineData(3_179_717, "c.-30")]
    [InlineData(3_175_269, "c.68")]
    [InlineData(3_150_865, "c.1329")]
    [InlineData(3_150_864, "c.*1")]
    [InlineData(3_149_633, "c.*1232")]
    public void Hgvs_c_positions_on_the_minus_strand(int genomic, string expected)
    {
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);

        CdsPosition c = crbn.GetCdsPosition(P(genomic));

        Assert.Equal(expected, c.ToString());
        Assert.Equal(c, CdsPosition.Parse(expected));
        Assert.Equal(P(genomic), crbn.ToGenomic(c));
        Assert.Equal(P(genomic + 41_684), CrbnTranscript.For(GenomeBuild.GRCh37).ToGenomic(c));
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public void Every_position_in_the_gene_round_trips(GenomeBuild build)
    {
        TranscriptModel crbn = CrbnTranscript.For(build);
        int coding = 0;
        for (int g = crbn.Span.Start.Value; g <= crbn.Span.End.Value; g++)
        {
            CdsPosition c = crbn.GetCdsPosition(P(g));
            Assert.Equal(P(g), crbn.ToGenomic(c));
            coding += c.IsCoding ? 1 : 0;
        }

        Assert.Equal(1329, coding);
        Assert.False(crbn.TryGetCdsPosition(crbn.Span.Start.Offset(-1), out _));
        Assert.False(crbn.TryGetCdsPosition(crbn.Span.End.Offset(1), out _));
    }

    [Fact]
    public void Renamed_contig_keeps_the_mapping()
    {
        TranscriptModel chr3 = CrbnTranscript.For(GenomeBuild.GRCh37);
        TranscriptModel three = chr3.WithContig("3");
        Assert.Equal("3", three.Contig);
        Assert.Equal(chr3.GetCodonPositions(380), three.GetCodonPositions(380));
    }
}
