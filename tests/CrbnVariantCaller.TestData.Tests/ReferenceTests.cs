using System.Text.Json;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.TestData.Tests;

/// <summary>The synthetic reference honours the CRBN facts: real contig lengths, real protein, exon 10, GT..AG introns.</summary>
public sealed class ReferenceTests
{
    private static readonly (string Name, long Length)[] Grch38 =
    [
        ("chr1", 248_956_422), ("chr3", 198_295_559), ("chr6", 170_805_979), ("chr7", 159_345_973),
        ("chr8", 145_138_636), ("chr17", 83_257_441), ("chr19", 58_617_616),
    ];

    [Fact]
    public void FaiCarriesRealGrch38NamesAndLengths()
    {
        string[] fai = File.ReadAllLines(SyntheticWorld.Reference + ".fai");
        Assert.Equal(Grch38.Select(c => $"{c.Name}\t{c.Length}"), fai.Select(l => string.Join('\t', l.Split('\t')[..2])));
        Assert.True(File.Exists(SyntheticWorld.Reference + ".gzi"), "bgzip .gzi index is committed");
    }

    [ToolFact("samtools")]
    public void SplicedCdsTranslatesToTheRealProtein()
    {
        List<GtfRow> cds = GtfRow.Load(SyntheticWorld.Gtf)
            .Where(r => r.Feature == "CDS" && r.TranscriptId == "NM_016302.4")
            .OrderByDescending(r => r.Start).ToList();
        Assert.Equal(11, cds.Count);
        string coding = string.Concat(cds.Select(r => Fetch($"chr3:{r.Start}-{r.End}", reverseComplement: true)));
        Assert.Equal(1329, coding.Length);
        string protein = string.Concat(File.ReadAllLines(SyntheticWorld.PathOf("facts/CRBN_Q96SW2.protein.fa"))
            .Where(l => !l.StartsWith('>')).Select(l => l.Trim()));
        Assert.Equal(protein + "*", Codons.Translate(coding));
    }

    [Fact]
    public void Exon10SitsAtItsGrch38CoordinatesAndKeepsTheFrame()
    {
        GtfRow exon10 = GtfRow.Load(SyntheticWorld.Gtf)
            .Single(r => r.Feature == "exon" && r.TranscriptId == "NM_016302.4" && r.ExonNumber == 10);
        Assert.Equal(("chr3", 3_152_456L, 3_152_587L, '-'), (exon10.Chrom, exon10.Start, exon10.End, exon10.Strand));
        Assert.Equal(0, (exon10.End - exon10.Start + 1) % 3);
        using JsonDocument world = SyntheticWorld.Truth("reference/crbn_world.json");
        JsonElement skip = world.RootElement.GetProperty("crbn").GetProperty("skip_junction");
        Assert.Equal((3_151_046L, 3_153_423L), (skip[0].GetInt64(), skip[1].GetInt64()));
    }

    [ToolFact("samtools")]
    public void EveryCrbnIntronIsGtAgOnTheMinusStrand()
    {
        List<GtfRow> exons = GtfRow.Load(SyntheticWorld.Gtf)
            .Where(r => r.Feature == "exon" && r.TranscriptId == "NM_016302.4").OrderBy(r => r.ExonNumber).ToList();
        Assert.Equal(11, exons.Count);
        for (int i = 0; i + 1 < exons.Count; i++)
        {
            // minus strand: intron i lies between exon i+1 (lower coordinates) and exon i (higher)
            long lo = exons[i + 1].End + 1, hi = exons[i].Start - 1;
            string intron = Fetch($"chr3:{lo}-{hi}", reverseComplement: true);
            Assert.True(intron.StartsWith("GT", StringComparison.Ordinal) && intron.EndsWith("AG", StringComparison.Ordinal),
                $"intron {i + 1} chr3:{lo}-{hi} reads {intron[..2]}..{intron[^2..]}");
        }
    }

    [ToolFact("samtools")]
    public void OtherGenesHaveCanonicalIntronsExceptTheRecordedOverlaps()
    {
        using JsonDocument world = SyntheticWorld.Truth("reference/crbn_world.json");
        string notes = string.Join('\n', world.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        int checkedIntrons = 0;
        foreach (IGrouping<string, GtfRow> tx in GtfRow.Load(SyntheticWorld.Gtf)
                     .Where(r => r.Feature == "exon" && r.TranscriptId != "NM_016302.4").GroupBy(r => r.TranscriptId))
        {
            List<GtfRow> ex = tx.OrderBy(r => r.Start).ToList();
            for (int i = 0; i + 1 < ex.Count; i++)
            {
                long lo = ex[i].End + 1, hi = ex[i + 1].Start - 1;
                if (hi - lo + 1 < 8 || notes.Contains($"{ex[i].Chrom}:{lo}-{hi}", StringComparison.Ordinal))
                {
                    continue;
                }

                string intron = Fetch($"{ex[i].Chrom}:{lo}-{hi}", reverseComplement: ex[i].Strand == '-');
                Assert.True(intron.StartsWith("GT", StringComparison.Ordinal) && intron.EndsWith("AG", StringComparison.Ordinal),
                    $"{tx.Key} intron {ex[i].Chrom}:{lo}-{hi}");
                checkedIntrons++;
            }
        }

        Assert.True(checkedIntrons > 100, $"only {checkedIntrons} introns checked");
    }

    [ToolFact("samtools")]
    public void SequenceExistsOnlyInsideTheWindows()
    {
        // chr3 carries 2.0-4.5 Mb (the copy-number stretch, holding the CRBN window 3,050,000-3,300,000 verbatim).
        Assert.All(Fetch("chr3:1-5000"), b => Assert.Equal('N', b));
        Assert.All(Fetch("chr3:1999001-2000000"), b => Assert.Equal('N', b));
        Assert.All(Fetch("chr3:4500001-4501000"), b => Assert.Equal('N', b));
        foreach (string region in new[] { "chr3:3050000-3300000", "chr3:2000001-2100000", "chr3:4400001-4500000", "chr7:20000001-20250000" })
        {
            string window = Fetch(region);
            Assert.DoesNotContain('N', window);
            double gc = window.Count(b => b is 'G' or 'C') / (double)window.Length;
            Assert.InRange(gc, 0.36, 0.48);
        }
    }

    private static string Fetch(string region, bool reverseComplement = false)
    {
        string output = reverseComplement
            ? ExternalTool.Run("samtools", "faidx", "-i", SyntheticWorld.Reference, region)
            : ExternalTool.Run("samtools", "faidx", SyntheticWorld.Reference, region);
        return string.Concat(output.Split('\n').Skip(1).Select(l => l.Trim())).ToUpperInvariant();
    }
}
