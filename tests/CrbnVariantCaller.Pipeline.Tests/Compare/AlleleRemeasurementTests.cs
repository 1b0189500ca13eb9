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
/// <c>crbn compare</c> re-measures SNVs and indels with the caller's own definitions. SNVs: every SNV the caller calls
/// in the SYNTHETIC longitudinal relapse BAM re-measures to the caller's own AD and DP, and the SNVs of the pair
/// (C391R, W386R, H353R, E200E; testdata/dna/longitudinal/truth.json) agree with <c>samtools mpileup -A -B -Q20 -q20</c>
/// in both BAMs, including H353R where it is absent. Indels: the
/// 2-bp frameshift deletion DEL2 (chr3:3152502 GAT&gt;G, testdata/dna/longitudinal/truth.json) re-measured in the relapse
/// BAM gives the caller's call there, read for read, and both agree with samtools; in the baseline BAM, where it was
/// never simulated, it is 0 reads at samtools' depth.
/// </summary>
public sealed class AlleleRemeasurementTests(ITestOutputHelper output)
{
    private static readonly VariantKey Del2 = new("chr3", 3152502, "GAT", "G");

    private static string Reference => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    private static string Bam(string sample) => Path.Combine(RepoPaths.TestData, "dna", "longitudinal", sample + ".bam");

    /// <summary>The pair's SNVs: C391R, W386R, H353R and E200E.</summary>
    private static readonly VariantKey[] Snvs =
    [
        new("chr3", 3151023, "A", "G"), new("chr3", 3151038, "A", "G"), new("chr3", 3152546, "T", "C"), new("chr3", 3167721, "T", "C"),
    ];

    private static IReadOnlyDictionary<VariantKey, AlleleCount> Remeasure(string sample, IReadOnlyCollection<VariantKey> keys)
    {
        using IndexedFastaReader reference = IndexedFastaReader.Open(Reference);
        using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.Cpu });
        return AlleleRemeasurement.Count(Bam(sample), reference, keys, engine, threads: 1);
    }

    private static AlleleCount Remeasure(string sample) => Assert.Contains(Del2, Remeasure(sample, [Del2]));

    private static IReadOnlyList<SnvVariant> Called(string sample)
    {
        using IndexedFastaReader reference = IndexedFastaReader.Open(Reference);
        using var bam = new BamReader(Bam(sample));
        using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.Cpu });
        GenomeContext genome = GenomeContext.Resolve(bam, reference);
        return new DnaAnalysis(engine, NullLogger.Instance).Run(bam, null, genome, genome.CrbnReference(reference), null).Calls.Variants;
    }

    [Fact]
    public void EveryRemeasuredSnvIsTheCallersOwnAdAndDp()
    {
        List<SnvVariant> snvs = [.. Called("LONG_RELAPSE").Where(v => v.Ref.Length == 1 && v.Alt.Length == 1)];
        Assert.True(snvs.Count >= 3, $"C391R, W386R and E200E are called in the relapse; {snvs.Count} SNVs were");
        IReadOnlyDictionary<VariantKey, AlleleCount> counts = Remeasure("LONG_RELAPSE", [.. snvs.Select(v => new VariantKey("chr3", v.Position.Value, v.Ref, v.Alt))]);
        foreach (SnvVariant called in snvs)
        {
            AlleleCount remeasured = Assert.Contains(new VariantKey("chr3", called.Position.Value, called.Ref, called.Alt), counts);
            output.WriteLine($"LONG_RELAPSE {called.Position.Value} {called.Ref}>{called.Alt}: called {called.AltCounts.Total}/{called.Depth}, re-measured {remeasured.AltReads}/{remeasured.Depth}");
            Assert.Equal(called.AltCounts.Total, remeasured.AltReads);
            Assert.Equal(called.Depth, remeasured.Depth);
        }
    }

    [ToolTheory("samtools")]
    [InlineData("LONG_RELAPSE")]
    [InlineData("LONG_BASELINE")]
    public void RemeasuredSnvsAgreeWithSamtools(string sample)
    {
        IReadOnlyDictionary<VariantKey, AlleleCount> counts = Remeasure(sample, Snvs);
        foreach (VariantKey key in Snvs)
        {
            AlleleCount remeasured = Assert.Contains(key, counts);
            (int depth, int alt) = MpileupBase(sample, key);
            output.WriteLine($"{sample} {key.Pos} {key.Ref}>{key.Alt}: re-measured {remeasured.AltReads}/{remeasured.Depth}; samtools mpileup -A -B -Q20 -q20 {alt}/{depth}");
            Assert.Equal(depth, remeasured.Depth);
            Assert.Equal(alt, remeasured.AltReads);
        }
    }

    [Fact]
    public void TheRemeasuredDeletionIsTheCallersOwnCount()
    {
        AlleleCount remeasured = Remeasure("LONG_RELAPSE");
        SnvVariant called = Assert.Single(Called("LONG_RELAPSE"), v => v.Position.Value == Del2.Pos && v.Ref == Del2.Ref && v.Alt == Del2.Alt);
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
        string[] fields = MpileupLine(sample, Del2.Pos);
        return (int.Parse(fields[3], CultureInfo.InvariantCulture), Regex.Matches(fields[4], "-2AT", RegexOptions.IgnoreCase).Count);
    }

    /// <summary>samtools' depth at an SNV and its count of the alt base on either strand, with the caller's read and base filters.</summary>
    private static (int Depth, int Alt) MpileupBase(string sample, VariantKey key)
    {
        string[] fields = MpileupLine(sample, key.Pos);
        string bases = fields[4];
        int alt = 0;
        for (int i = 0; i < bases.Length; i++)
        {
            char b = bases[i];
            if (b == '^')
            {
                i++; // the read's mapping quality follows a read start
            }
            else if (b is '+' or '-')
            {
                int j = i + 1;
                while (char.IsAsciiDigit(bases[j]))
                {
                    j++;
                }

                i = j - 1 + int.Parse(bases[(i + 1)..j], CultureInfo.InvariantCulture); // skip the indel's bases
            }
            else if (char.ToUpperInvariant(b) == key.Alt[0])
            {
                alt++;
            }
        }

        return (int.Parse(fields[3], CultureInfo.InvariantCulture), alt);
    }

    private static string[] MpileupLine(string sample, int pos) =>
        ExternalTool.Run("samtools", "mpileup", "-A", "-B", "-Q", "20", "-q", "20", "-d", "100000000",
            "-r", $"chr3:{pos}-{pos}", "-f", Reference, Bam(sample)).Trim().Split('\t');

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
