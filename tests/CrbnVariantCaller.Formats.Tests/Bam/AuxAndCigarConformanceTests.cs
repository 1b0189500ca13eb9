using System.Globalization;
using System.Text;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>
/// Aux value printing and long CIGARs against samtools on generated files: thousands of float values in <c>f</c>
/// (printed with C <c>%g</c>) and <c>B,f</c> (printed with htslib <c>kputd</c>), every integer width at its limits, and a
/// 70,000-operation CIGAR that BAM stores in the <c>CG</c> tag.
/// </summary>
public sealed class AuxAndCigarConformanceTests(ITestOutputHelper output) : IDisposable
{
    private readonly TinyBam _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [ToolFact("samtools")]
    public void Float_aux_values_print_like_samtools()
    {
        const int seed = 20261121;
        var rng = new Random(seed);
        var values = new List<float>
        {
            0f, -0f, 1f, -1f, 0.5f, 1.5f, 2.5f, 1234565f, 123456.5f, 728690.5f, 999999f, 999999.5f, 1000000f,
            0.0001f, 0.00009999f, 0.000123456789f, 99999.95f, 9.999995f, 0.9999995f, float.MaxValue, float.Epsilon,
            1e-45f, 3.4e38f, 1e-5f, 1e10f, 0.1f, 0.3f, 1.0f / 3, 2.0f / 3,
        };
        for (int i = 0; i < 4000; i++)
        {
            double mantissa = 1 + (rng.NextDouble() * 9);
            int exponent = rng.Next(-12, 12);
            float v = (float)(mantissa * Math.Pow(10, exponent));
            if (rng.Next(4) == 0)
            {
                // Values with few significant digits hit the rounding ties.
                v = (float)(Math.Round(mantissa, rng.Next(0, 8)) * Math.Pow(10, exponent));
            }

            values.Add(rng.Next(3) == 0 ? -v : v);
        }

        var sam = new StringBuilder("@SQ\tSN:c\tLN:100\n");
        for (int i = 0; i < values.Count; i++)
        {
            string text = values[i].ToString("R", CultureInfo.InvariantCulture);
            sam.Append(CultureInfo.InvariantCulture, $"f{i}\t4\t*\t0\t0\t*\t*\t0\t0\t*\t*\tXf:f:{text}\tXB:B:f,{text},{text}\n");
        }

        long n = SamtoolsOracle.CompareWholeFile(_tmp.FromSam("floats.bam", sam.ToString()));
        output.WriteLine($"{n} records of float aux values (seed {seed}) identical to samtools");
        Assert.Equal(values.Count, n);
    }

    [ToolFact("samtools")]
    public void Integer_aux_types_at_their_limits_print_like_samtools()
    {
        string sam = "@SQ\tSN:c\tLN:100\n" +
            "a\t4\t*\t0\t0\t*\t*\t0\t0\tACGT\t####\tXa:i:0\tXb:i:-128\tXc:i:255\tXd:i:-32768\tXe:i:65535\tXf:i:-2147483648\tXg:i:4294967295\tXh:A:q\tXi:Z:hello world\tXj:H:1AE301\n" +
            "b\t4\t*\t0\t0\t*\t*\t0\t0\t*\t*\tBa:B:c,-128,0,127\tBb:B:C,0,255\tBc:B:s,-32768,32767\tBd:B:S,0,65535\tBe:B:i,-2147483648,2147483647\tBf:B:I,0,4294967295\tBg:B:f\tBh:B:i\n";
        string bam = _tmp.FromSam("ints.bam", sam);
        SamtoolsOracle.CompareWholeFile(bam);

        using var reader = new BamReader(bam);
        var record = new BamRecord();
        Assert.True(reader.ReadRecord(record));
        Assert.True(record.TryGetAux("Xg"u8, out BamAuxField xg));
        Assert.Equal(4294967295L, xg.GetInteger());
        Assert.True(record.TryGetAux("Xi"u8, out BamAuxField xi));
        Assert.Equal("hello world", xi.GetString());
        Assert.True(record.TryGetAux("Xh"u8, out BamAuxField xh));
        Assert.Equal('q', xh.GetChar());
        Assert.True(reader.ReadRecord(record));
        Assert.True(record.TryGetAux("Be"u8, out BamAuxField be));
        Assert.Equal((byte)'i', be.ArraySubtype);
        Assert.Equal(2, be.ArrayLength);
        Assert.Equal(int.MinValue, be.GetArrayInteger(0));
        Assert.False(record.HasQualities);
    }

    [ToolFact("samtools")]
    public void Cigar_longer_than_65535_operations_is_restored_from_the_CG_tag()
    {
        const int pairs = 35_000;
        var cigar = new StringBuilder();
        for (int i = 0; i < pairs; i++)
        {
            cigar.Append("1M1I");
        }

        string seq = new('A', 2 * pairs);
        string sam = "@HD\tVN:1.6\tSO:coordinate\n@SQ\tSN:c\tLN:100000\n" +
            "short\t0\tc\t5\t60\t4M\t*\t0\t0\tACGT\tIIII\n" +
            $"long\t0\tc\t10\t60\t{cigar}\t*\t0\t0\t{seq}\t*\tNM:i:0\n" +
            "after\t0\tc\t40000\t60\t4M\t*\t0\t0\tACGT\tIIII\n";
        string bam = _tmp.FromSam("long.bam", sam);
        ExternalTool.Run("samtools", "index", bam);
        SamtoolsOracle.CompareWholeFile(bam);

        using var reader = new BamReader(bam);
        var record = new BamRecord();
        Assert.True(reader.ReadRecord(record));
        Assert.False(record.CigarFromCgTag);
        Assert.True(reader.ReadRecord(record));
        Assert.True(record.CigarFromCgTag);
        Assert.Equal(2 * pairs, record.CigarCount);
        Assert.Equal(pairs, record.ReferenceLength);
        Assert.Equal(9 + pairs, record.ReferenceEndZeroBasedExclusive);
        Assert.Equal(CigarOp.Insertion, Cigar.Op(record.CigarWords[^1]));
        Assert.False(record.TryGetAux("CG"u8, out _));
        Assert.True(record.TryGetAux("NM"u8, out _));

        // Only the restored CIGAR reaches this far right: samtools and we must both select the long read.
        string region = $"c:{9 + pairs}-{9 + pairs}";
        string[] expected = SamtoolsOracle.ViewRegion(bam, region);
        var formatter = new SamTextFormatter(reader.Header);
        string[] got = reader.Query(region).Select(formatter.FormatLineString).ToArray();
        Assert.Equal(expected, got);
        Assert.Single(got);
        Assert.StartsWith("long\t", got[0], StringComparison.Ordinal);
    }
}
