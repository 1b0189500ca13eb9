using System.Globalization;
using System.IO.Compression;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>One record of a testdata truth VCF (bgzipped VCF 4.3 written by testdata/sim).</summary>
/// <param name="Chrom">Contig.</param>
/// <param name="Pos">1-based position.</param>
/// <param name="Id">ID column (an rs number for PGx sites, <c>.</c> otherwise).</param>
/// <param name="Ref">Reference allele.</param>
/// <param name="Alt">Alternate allele.</param>
/// <param name="Info">INFO keys and values (flags map to an empty string).</param>
/// <param name="Genotype">The sample's GT.</param>
/// <param name="Af">The sample's realised allele fraction (FORMAT AF: alt fragments over fragments).</param>
internal sealed record TruthVariant(string Chrom, long Pos, string Id, string Ref, string Alt, IReadOnlyDictionary<string, string> Info, string Genotype, double Af)
{
    /// <summary>Carries the <c>SOMATIC</c> flag.</summary>
    public bool IsSomatic => Info.ContainsKey("SOMATIC");

    /// <summary>The designed allele fraction (<c>DESIGN_VAF</c>).</summary>
    public double DesignVaf => double.Parse(Info["DESIGN_VAF"], CultureInfo.InvariantCulture);

    /// <summary>In CRBN (<c>GENE=CRBN</c>).</summary>
    public bool IsCrbn => Info.TryGetValue("GENE", out string? gene) && gene == "CRBN";

    /// <summary>chrom:pos ref>alt, the key reports are matched on.</summary>
    public string Key => $"{Chrom}:{Pos} {Ref}>{Alt}";
}

/// <summary>Reads a testdata truth VCF (bgzip is concatenated gzip members, which <see cref="GZipStream"/> reads through).</summary>
internal static class TruthVcf
{
    /// <summary>Every record of <c>testdata/RELATIVE</c>.</summary>
    public static IReadOnlyList<TruthVariant> Load(string relative)
    {
        using var gz = new GZipStream(File.OpenRead(CrbnRun.TestData(relative)), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var records = new List<TruthVariant>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            var info = f[7].Split(';')
                .Select(kv => kv.Split('=', 2))
                .ToDictionary(kv => kv[0], kv => kv.Length == 2 ? kv[1] : string.Empty, StringComparer.Ordinal);
            var format = f[8].Split(':').Zip(f[9].Split(':')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            records.Add(new TruthVariant(
                f[0],
                long.Parse(f[1], CultureInfo.InvariantCulture),
                f[2],
                f[3],
                f[4],
                info,
                format["GT"],
                double.Parse(format["AF"], CultureInfo.InvariantCulture)));
        }

        return records;
    }
}
