using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bgzf;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>
/// <see cref="BamReader.CountRecords"/> scans BGZF blocks in place, so record lengths and bodies that straddle block
/// boundaries must be stitched together. A real BAM is re-blocked at awkward sizes (down to one byte per block) and
/// must still count exactly what samtools counts; cutting it inside a record must still report truncation.
/// </summary>
public sealed class CountRecordsBlockBoundaryTests
{
    private static readonly string Source = Path.Combine(RepoPaths.Corpus, "real_dna", "nimhts_HG02002.b37.chr6.bam");

    [CorpusTheory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(4093)]
    [InlineData(65280)]
    public void CountsAcrossAnyBlocking(int blockSize)
    {
        string path = Reblock(blockSize, truncateBy: 0);
        try
        {
            long expected = long.Parse(ExternalTool.Run("samtools", "view", "-c", Source).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            foreach (int threads in new[] { 1, 2 })
            {
                using var reader = new BamReader(path, threads);
                Assert.Equal(expected, reader.CountRecords());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [CorpusTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(37)]
    public void TruncationInsideARecordIsReported(int bytesCut)
    {
        string path = Reblock(7, truncateBy: bytesCut);
        try
        {
            using var reader = new BamReader(path);
            Assert.Throws<BamTruncatedException>(() => reader.CountRecords());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Rewrites the source's decompressed bytes in blocks of <paramref name="blockSize"/>, optionally dropping its last bytes.</summary>
    private static string Reblock(int blockSize, int truncateBy)
    {
        byte[] data;
        using (var input = new BgzfReader(Source))
        using (var all = new MemoryStream())
        {
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = input.Read(chunk)) > 0;)
            {
                all.Write(chunk, 0, n);
            }

            data = all.ToArray();
        }

        string path = Path.Combine(Path.GetTempPath(), $"crbn-reblock-{blockSize}-{truncateBy}-{Guid.NewGuid():N}.bam");
        using (var writer = new BgzfWriter(path, compressionLevel: 1))
        {
            int end = data.Length - truncateBy;
            for (int p = 0; p < end; p += blockSize)
            {
                writer.Write(data, p, Math.Min(blockSize, end - p));
                writer.FlushBlock();
            }
        }

        return path;
    }
}
