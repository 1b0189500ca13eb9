using System.Globalization;
using System.Text.Json;
using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.Germline;

/// <summary>PGx typing on the synthetic deep panel (truth genotypes in truth.json) and from RNA.</summary>
public sealed class GermlineTyperTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("DEEP_TUMOR")]
    [InlineData("DEEP_NORMAL")]
    public void Deep_panel_pgx_genotypes_equal_the_truth(string sample)
    {
        string bam = Path.Combine(RepoPaths.TestData, "dna", "deep_panel", sample + ".bam");
        Dictionary<string, string> truth = PgxTruth(sample);
        GermlineSiteTable table = GermlineSiteTable.PharmacogenomicGrch38;
        var (batch, names) = Load(bam, table.Sites.Select(s => $"{s.Contig}:{s.Position.Value - 300}-{s.Position.Value + 300}"));

        using var engine = CpuCompute.Engine();
        GermlineTypingResult result = engine.TypeGermline(new GermlineTyper(GermlineOptions.Default), batch, table, names);
        Assert.Equal(BackendKind.Cpu, engine.Primary.Kind);
        Assert.Empty(engine.FallbackEvents);
        Assert.Equal(table.Sites.Count, result.Genotypes.Count);
        foreach (GermlineGenotype g in result.Genotypes)
        {
            output.WriteLine($"{sample} {g.Site.Id} {g.Genotype} GQ {g.GenotypeQuality} DP {g.Depth} AD {string.Join(',', g.AlleleCounts)} other {g.OtherBases} PL {string.Join(',', g.PhredLikelihoods)}; truth {truth[g.Site.Id]}");
            Assert.Equal(truth[g.Site.Id], g.Genotype);
            Assert.True(g.GenotypeQuality >= 50, $"{g.Site.Id}: GQ {g.GenotypeQuality}");
            Assert.True(g.Depth >= 200, $"{g.Site.Id}: depth {g.Depth}");
        }
    }

    [ToolFact("samtools")]
    public void Allele_counts_equal_samtools_mpileup()
    {
        string bam = Path.Combine(RepoPaths.TestData, "dna", "deep_panel", "DEEP_NORMAL.bam");
        GermlineSiteTable table = GermlineSiteTable.PharmacogenomicGrch38;
        var (batch, names) = Load(bam, table.Sites.Select(s => $"{s.Contig}:{s.Position.Value - 300}-{s.Position.Value + 300}"));
        using var engine = CpuCompute.Engine();
        GermlineTypingResult result = engine.TypeGermline(new GermlineTyper(GermlineOptions.Default), batch, table, names);
        foreach (GermlineGenotype g in result.Genotypes)
        {
            string region = $"{g.Site.Contig}:{g.Site.Position.Value}-{g.Site.Position.Value}";
            // -A keeps anomalous pairs (the typer's filter); -B no BAQ; -Q/-q as GermlineOptions.Default; no depth cap.
            string line = ExternalTool.Run("samtools", "mpileup", "-A", "-B", "-Q", "13", "-q", "20", "-d", "100000000", "-r", region, bam).Trim();
            var counts = new Dictionary<char, int> { ['A'] = 0, ['C'] = 0, ['G'] = 0, ['T'] = 0 };
            string bases = line.Split('\t')[4];
            for (int i = 0; i < bases.Length; i++)
            {
                char c = bases[i];
                if (c == '^')
                {
                    i++;
                }
                else if (c is '+' or '-')
                {
                    int j = i + 1;
                    int n = 0;
                    while (char.IsAsciiDigit(bases[j]))
                    {
                        n = (n * 10) + (bases[j++] - '0');
                    }

                    i = j + n - 1;
                }
                else if (counts.ContainsKey(char.ToUpperInvariant(c)))
                {
                    counts[char.ToUpperInvariant(c)]++;
                }
            }

            output.WriteLine($"{g.Site.Id}: samtools A{counts['A']} C{counts['C']} G{counts['G']} T{counts['T']}; ours AD {string.Join(',', g.AlleleCounts)} DP {g.Depth}");
            Assert.Equal(g.Site.Alleles.Select(a => counts[a]), g.AlleleCounts);
            Assert.Equal(counts.Values.Sum(), g.Depth);
        }
    }

    [Fact]
    public void Types_an_expressed_snv_from_rna_and_reports_missing_genotypes()
    {
        // RNA_SNV: 35% of CRBN molecules carry W386R (chr3:3151038 A>G); ABCB1 is barely expressed (TPM 2).
        string bam = Path.Combine(RepoPaths.TestData, "rna", "expressed_snv", "RNA_SNV.bam");
        GermlineSiteTable table = GermlineSiteTableReader.Read(
            new StringReader("id\tgene\tchrom\tpos\tref\talt\nW386R\tCRBN\tchr3\t3151038\tA\tG\nrs1045642\tABCB1\tchr7\t87509329\tA\tG\nnowhere\tX\tchrUn_x\t5\tA\tC\n"),
            "inline", GenomeBuild.GRCh38);
        var (batch, names) = Load(bam, ["chr3:3151000-3151100", "chr7:87509300-87509400"]);
        using var engine = CpuCompute.Engine();
        GermlineTypingResult result = engine.TypeGermline(new GermlineTyper(GermlineOptions.Default with { MinDepth = 20 }), batch, table, names);
        foreach (GermlineGenotype g in result.Genotypes)
        {
            output.WriteLine($"{g.Site.Id} {g.Genotype} DP {g.Depth} AD {string.Join(',', g.AlleleCounts)} GQ {g.GenotypeQuality} {g.Reason}");
        }

        GermlineGenotype snv = result.Genotypes[0];
        Assert.Equal("0/1", snv.Genotype);
        double af = (double)snv.AlternateReads / snv.Depth;
        Assert.InRange(af, 0.2, 0.5);

        GermlineGenotype abcb1 = result.Genotypes[1];
        Assert.True(abcb1.Depth < 20 ? abcb1.Genotype == "./." && abcb1.Reason!.Contains("below the minimum", StringComparison.Ordinal) : abcb1.IsCalled);

        GermlineGenotype nowhere = result.Genotypes[2];
        Assert.Equal("./.", nowhere.Genotype);
        Assert.Contains("not in the alignments' header", nowhere.Reason, StringComparison.Ordinal);
    }

    private static (ReadBatch Batch, IReadOnlyList<string> Names) Load(string bam, IEnumerable<string> regions)
    {
        using var reader = new BamReader(bam);
        var builder = new ReadBatchBuilder(4096);
        var record = new BamRecord();
        // Regions are disjoint and in header order here, so the batch stays coordinate-sorted.
        foreach (string region in regions.OrderBy(r => reader.Header.GetReferenceId(r[..r.IndexOf(':')])).ThenBy(r => int.Parse(r[(r.IndexOf(':') + 1)..r.IndexOf('-')], CultureInfo.InvariantCulture)))
        {
            BamQuery query = reader.Query(RegionSpec.Parse(region));
            while (query.ReadRecord(record))
            {
                BamBatchLoader.Add(builder, record);
            }
        }

        return (builder.Build(), reader.Header.References.Select(r => r.Name).ToList());
    }

    private static Dictionary<string, string> PgxTruth(string sample)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.TestData, "dna", "deep_panel", "truth.json")));
        JsonElement s = doc.RootElement.GetProperty("samples").EnumerateArray().Single(e => e.GetProperty("sample").GetString() == sample);
        return s.GetProperty("pgx_genotypes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
