using System.Globalization;
using System.Text.RegularExpressions;
using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.Pipeline.Compare;
using CrbnVariantCaller.Reporting.Compare;
using CrbnVariantCaller.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Pipeline.Tests.Compare;

/// <summary>
/// <c>crbn compare</c> re-measures indels with the caller's own definitions: on the SYNTHETIC longitudinal pair the
/// 2-bp frameshift deletion DEL2 (chr3:3152502 GAT&gt;G, testdata/dna/longitudinal/truth.json) re-measured in the relapse
/// BAM gives the caller's call there, read for read, and both agree with samtools; in the baseline BAM, where it was
/// never simulated, it is 0 reads at samtools' depth.
/// </summary>
public sealed class IndelRemeasurementTests(ITestOutputHelper output)
{
    private static readonly VariantKey Del2 = new("chr3", 3152502, "GAT", "G");

    private static string Reference => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    private static string Bam(string sample) => Path.Combine(RepoPaths.TestData, "dna", "longitudinal", sample + ".bam");

    private static AlleleCount Remeasure(string sample)
    {
        using IndexedFastaReader reference = IndexedFastaReader.Open(Reference);
        using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.Cpu });
        IReadOnlyDictionary<VariantKey, AlleleCount> counts = AlleleRemeasurement.Count(Bam(sample), reference, [Del2], engine, threads: 1);
        return Assert.Contains(Del2, counts);
    }

    [Fact]
    public void TheRemeasuredDeletionIsTheCallersOwnCount()
    {
        AlleleCount remeasured = Remeasure("LONG_RELAPSE");
        using IndexedFastaReader reference = IndexedFastaReader.Open(Reference);
        using var bam = new BamReader(Bam("LONG_RELAPSE"));
        using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.Cpu });
        GenomeContext genome = GenomeContext.Resolve(bam, reference);
        DnaFindings dna = new DnaAnalysis(engine, NullLogger.Instance).Run(bam, null, genome, genome.CrbnReference(reference), null);
        SnvVariant called = Assert.Single(dna.Calls.Variants, v => v.Position.Value == Del2.Pos && v.Ref == Del2.Ref && v.Alt == Del2.Alt);
        output.WriteLine($"LONG_RELAPSE DEL2: called {called.AltCounts.Total}/{called.Depth}, re-measured {remeasured.AltReads}/{remeasured.Depth}");
        Assert.Equal(called.AltCounts.Total, remeasured.AltReads);
        Assert.Equal(called.Depth, remeasured.Depth);
        Assert.True(remeasured.AltReads >= 15, $"the relapse was simulated with DEL2 at 0.10 of ~300x; {remeasured.AltReads} reads");
    }

    [ToolTheory("samtools")]
    [InlineData("LONG_RELAPSE")]
    [InlineData("LONG_BASELINE")]
    public void TheRemeasuredDeletionAgreesWithSamtools(string sample)
    {
        AlleleCount remeasured = Remeasure(sample);
        (int mpileupDepth, int mpileupDeletions) = Mpileup(sample);
        int viewTemplates = TemplatesWithDeletion(sample);
        output.WriteLine($"{sample} DEL2: re-measured {remeasured.AltReads}/{remeasured.Depth}; samtools mpileup -2AT {mpileupDeletions} of depth {mpileupDepth}; samtools view templates with 2D at {Del2.Pos + 1}: {viewTemplates}");
        Assert.Equal(mpileupDepth, remeasured.Depth);
        Assert.Equal(viewTemplates, remeasured.AltReads);
        Assert.Equal(mpileupDeletions, remeasured.AltReads);
        Assert.Equal(sample == "LONG_BASELINE", remeasured.AltReads == 0);
    }

    /// <summary>samtools' depth at the anchor and its count of the deletion there, with the caller's read and base filters.</summary>
    private static (int Depth, int Deletions) Mpileup(string sample)
    {
        string line = ExternalTool.Run("samtools", "mpileup", "-A", "-B", "-Q", "20", "-q", "20", "-d", "100000000",
            "-r", $"{Del2.Chrom}:{Del2.Pos}-{Del2.Pos}", "-f", Reference, Bam(sample)).Trim();
        string[] fields = line.Split('\t');
        return (int.Parse(fields[3], CultureInfo.InvariantCulture), Regex.Matches(fields[4], "-2AT", RegexOptions.IgnoreCase).Count);
    }

    /// <summary>Distinct templates (mapping quality ≥ 20, not secondary, QC-failed or duplicate) whose CIGAR deletes the 2 bases after the anchor.</summary>
    private static int TemplatesWithDeletion(string sample)
    {
        string sam = ExternalTool.Run("samtools", "view", "-F", "0x704", "-q", "20", Bam(sample), $"{Del2.Chrom}:{Del2.Pos}-{Del2.Pos}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string record in sam.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = record.Split('\t');
            int refPos = int.Parse(f[3], CultureInfo.InvariantCulture);
            foreach (Match op in Regex.Matches(f[5], @"(\d+)([MIDNSHP=X])"))
            {
                int length = int.Parse(op.Groups[1].Value, CultureInfo.InvariantCulture);
                char kind = op.Groups[2].Value[0];
                if (kind == 'D' && length == 2 && refPos == Del2.Pos + 1)
                {
                    names.Add(f[0]);
                }

                refPos += kind is 'M' or 'D' or 'N' or '=' or 'X' ? length : 0;
            }
        }

        return names.Count;
    }
}
