using System.Text;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>Runs samtools as the oracle and compares its SAM text with ours.</summary>
internal static class SamtoolsOracle
{
    /// <summary>Compares every record line of <paramref name="bam"/>; returns the number of records.</summary>
    public static long CompareWholeFile(string bam)
    {
        string expectedPath = Path.GetTempFileName();
        try
        {
            ExternalTool.Run("samtools", "view", "--no-PG", "-o", expectedPath, bam);
            using var reader = new BamReader(bam);
            var formatter = new SamTextFormatter(reader.Header);
            var record = new BamRecord();
            long n = 0;
            using StreamReader expected = new(expectedPath, Encoding.UTF8);
            while (reader.ReadRecord(record))
            {
                n++;
                string? want = expected.ReadLine();
                Assert.True(want is not null, $"{bam}: we read record {n} but samtools printed only {n - 1}");
                string got = formatter.FormatLineString(record);
                if (want != got)
                {
                    Assert.Fail($"{bam}: record {n} differs\n samtools: {want}\n ours:     {got}");
                }
            }

            Assert.True(expected.ReadLine() is null, $"{bam}: samtools printed more than our {n} records");
            return n;
        }
        finally
        {
            File.Delete(expectedPath);
        }
    }

    /// <summary>The lines samtools prints for a region (no header).</summary>
    public static string[] ViewRegion(string bam, string region, string? index = null)
    {
        var args = new List<string> { "view", "--no-PG" };
        if (index is not null)
        {
            args.AddRange(["-X", bam, index]);
        }
        else
        {
            args.Add(bam);
        }

        args.Add(region);
        string text = ExternalTool.Run("samtools", [.. args]);
        return text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
    }
}
