using System.Globalization;
using System.IO.Compression;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Vcf;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Reporting.Tests;

/// <summary>Reports built in memory from the committed synthetic truth sets (testdata/), so every allele is real reference sequence.</summary>
internal static class ReportFixtures
{
    public static string Reference => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    public static string DeepTumorTruth => Path.Combine(RepoPaths.TestData, "dna", "deep_panel", "DEEP_TUMOR.truth.vcf.gz");

    /// <summary>The contigs of the synthetic reference, read from its .fai (the BAM headers list the same).</summary>
    public static IReadOnlyList<ContigInfo> Contigs() =>
        File.ReadAllLines(Reference + ".fai")
            .Select(l => l.Split('\t'))
            .Select(f => new ContigInfo(f[0], long.Parse(f[1], CultureInfo.InvariantCulture)))
            .ToList();

    public static VcfContext Context() => new(
        Contigs(),
        Reference,
        new Dictionary<string, string>
        {
            ["strand_bias"] = "Alt reads on one strand while the site has reads on both",
            ["low_alt_reads"] = "Fewer alt reads than required",
            ["normal_artifact"] = "Alt allele seen in the matched normal",
        });

    /// <summary>The data lines of a bgzipped truth VCF, split into columns.</summary>
    public static List<string[]> TruthRecords(string path)
    {
        using FileStream file = File.OpenRead(path);
        using GZipStream gz = new(file, CompressionMode.Decompress);
        using StreamReader reader = new(gz);
        List<string[]> rows = [];
        while (reader.ReadLine() is string line)
        {
            if (!line.StartsWith('#') && line.Length > 0)
            {
                rows.Add(line.Split('\t'));
            }
        }

        return rows;
    }

    /// <summary>The DEEP_TUMOR truth as a report: CRBN variants (one of them filtered) and the PGx SNPs.</summary>
    public static SampleReport DeepTumor(string sample = "DEEP_TUMOR")
    {
        List<VariantReport> variants = [];
        List<GermlineSnp> snps = [];
        foreach (string[] f in TruthRecords(DeepTumorTruth))
        {
            Dictionary<string, string> info = f[7].Split(';').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : string.Empty);
            string[] fmt = f[9].Split(':');
            int[] ad = fmt[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            int dp = int.Parse(fmt[3], CultureInfo.InvariantCulture);
            Position pos = new(int.Parse(f[1], CultureInfo.InvariantCulture));
            if (f[2] != ".")
            {
                snps.Add(new GermlineSnp
                {
                    Id = f[2], Chrom = f[0], Pos = pos, Ref = f[3], Alt = f[4], Genotype = fmt[0],
                    Depth = dp, RefReads = ad[0], AltReads = ad[1], Gene = f[0] == "chr7" ? "ABCB1" : "VEGFA",
                });
                continue;
            }

            string hgvsp = info["HGVSP"];
            int? codon = int.TryParse(new string(hgvsp.Skip(5).TakeWhile(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture, out int c) ? c : null;
            variants.Add(new VariantReport
            {
                Chrom = f[0], Pos = pos, Ref = f[3], Alt = f[4],
                Depth = dp, RefReads = ad[0], AltReads = ad[1], Vaf = (double)ad[1] / dp,
                RefFwd = ad[0] / 2, RefRev = ad[0] - (ad[0] / 2), AltFwd = ad[1] / 2, AltRev = ad[1] - (ad[1] / 2),
                Quality = Math.Min(3000, ad[1] * 3.1),
                HgvsC = info["HGVSC"], HgvsP = hgvsp, Consequence = info["CSQ"], Codon = codon,
                InDrugBindingDomain = codon is >= 318 and <= 426,
                IsKnownResidue = codon is 380 or 386 or 391 or 419,
                Filter = info["LABEL"] == "H353R" ? "low_alt_reads;strand_bias" : VariantReport.Pass,
            });
        }

        return new SampleReport
        {
            Sample = sample,
            GenomeBuild = GenomeBuild.GRCh38,
            Tool = new ToolInfo { Version = "0.1.0-test", Backend = "cpu", Device = "managed CPU" },
            Variants = variants,
            Germline = new GermlineSection { Snps = snps },
        };
    }
}
