using CrbnVariantCaller.Core.Alignment;
using System.Globalization;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>
/// The typed accessors of <see cref="BamRecord"/> agree with the SAM columns samtools prints for the same record,
/// and reading with several BGZF threads gives the same records as one.
/// </summary>
public sealed class RecordAccessorTests
{
    [CorpusTheory("samtools")]
    [InlineData("parser_edge_cases/igvjs_sam_spec_example.bam")]
    [InlineData("real_rna_spliced/DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam")]
    [InlineData("real_dna/igvjs_non_actg.bam")]
    [InlineData("real_dna/nimhts_HG02002.b37.chr6.bam")]
    public void Typed_fields_match_samtools_columns(string relativePath)
    {
        string bam = CorpusBams.FullPath(relativePath);
        string[] lines = ExternalTool.Run("samtools", "view", "--no-PG", bam).TrimEnd('\n').Split('\n');
        using var reader = new BamReader(bam);
        SamHeader header = reader.Header;
        int i = 0;
        foreach (BamRecord r in reader.Records())
        {
            string[] c = lines[i++].Split('\t');
            Assert.Equal(c[0], r.GetReadName());
            Assert.Equal(c[1], ((int)r.Flags).ToString(CultureInfo.InvariantCulture));
            Assert.Equal(c[2], r.ReferenceId < 0 ? "*" : header.References[r.ReferenceId].Name);
            Assert.Equal(c[3], r.Position is { } p ? p.Value.ToString(CultureInfo.InvariantCulture) : "0");
            Assert.Equal(c[4], r.MappingQuality.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(c[5], Cigar.ToText(r.CigarWords));
            Assert.Equal(c[7], r.MatePosition is { } mp ? mp.Value.ToString(CultureInfo.InvariantCulture) : "0");
            Assert.Equal(c[8], r.TemplateLength.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(c[9], r.SequenceLength == 0 ? "*" : r.GetSequence());
            if (r.SequenceLength > 0)
            {
                Assert.Equal(c[9][^1], r.GetBase(r.SequenceLength - 1));
            }

            Assert.Equal(c[10], r.HasQualities ? new string(r.Qualities.ToArray().Select(q => (char)(q + 33)).ToArray()) : "*");
            int auxCount = 0;
            foreach (BamAuxField f in r.EnumerateAux())
            {
                Assert.StartsWith(f.TagString + ":", c[11 + auxCount], StringComparison.Ordinal);
                auxCount++;
            }

            Assert.Equal(c.Length - 11, auxCount);
            if ((r.Flags & SamFlags.Unmapped) == 0)
            {
                Assert.Equal(Cigar.ReferenceLength(r.CigarWords), r.ReferenceLength);
            }
        }

        Assert.Equal(lines.Length, i);
    }

    [CorpusFact]
    public void Reading_with_worker_threads_gives_the_same_records_and_count()
    {
        string bam = CorpusBams.FullPath("real_dna/cnvkit_NA12878.hg19.chrM.bam");
        using var one = new BamReader(bam, threads: 1);
        using var three = new BamReader(bam, threads: 3);
        var a = new BamRecord();
        var b = new BamRecord();
        long n = 0;
        while (one.ReadRecord(a))
        {
            Assert.True(three.ReadRecord(b));
            Assert.True(a.RawData.SequenceEqual(b.RawData), $"record {n} differs");
            n++;
        }

        Assert.False(three.ReadRecord(b));
        using var counter = new BamReader(bam, threads: 2);
        Assert.Equal(n, counter.CountRecords());
        using var partly = new BamReader(bam);
        Assert.Equal(10, partly.Records().Take(10).Count());
        Assert.Equal(n - 10, partly.CountRecords());
    }
}
