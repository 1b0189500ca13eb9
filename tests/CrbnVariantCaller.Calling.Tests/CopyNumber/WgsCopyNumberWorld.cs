using System.Diagnostics;
using System.Text.Json;
using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>
/// SYNTHETIC 40x whole-genome copy-number samples, generated at test time (testdata/sim/cn_wgs.py, the generator
/// bench/cnv/run.sh uses too) into a temporary folder: three normals, a one-copy 3p deletion at purity 0.4 and 0.3,
/// copy-neutral LOH at 0.6 and a neutral tumour. The panel is built (<c>crbn pon</c> without a BED: 10-kb genome bins)
/// and each tumour called (<c>crbn call --pon</c>, heterozygous SNPs from the tumour) once, on first use, so the tests
/// that need samtools and python3 skip loudly without touching the fixture.
/// </summary>
public sealed class WgsCopyNumberWorld : IDisposable
{
    public const double Depth = 40;

    /// <summary>Three normals are enough for these calls (the bench uses four); each costs a BAM and a binning pass.</summary>
    public static readonly string[] Normals = ["WGS_N1", "WGS_N2", "WGS_N3"];

    public static readonly string[] Tumours = ["WGS_DEL3P_P40", "WGS_DEL3P_P30", "WGS_CNLOH", "WGS_NEUTRAL"];

    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-wgs-cn-").FullName;
    private readonly Lazy<IReadOnlyDictionary<string, CrbnCopyNumberCall>> _calls;

    public WgsCopyNumberWorld() => _calls = new Lazy<IReadOnlyDictionary<string, CrbnCopyNumberCall>>(Build);

    /// <summary>Seconds spent generating the BAMs, and building the panel and calling every tumour.</summary>
    public (double Simulate, double Call) Seconds { get; private set; }

    /// <summary>The call of one tumour.</summary>
    public CrbnCopyNumberCall Call(string sample) => _calls.Value[sample];

    /// <summary>A sample's design in the generator's truth.json.</summary>
    public JsonElement Truth(string sample)
    {
        _ = _calls.Value;
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "truth.json")));
        return doc.RootElement.GetProperty("samples").EnumerateArray().Single(e => e.GetProperty("sample").GetString() == sample).Clone();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IReadOnlyDictionary<string, CrbnCopyNumberCall> Build()
    {
        var clock = Stopwatch.StartNew();
        ExternalTool.RunIn(RepoPaths.TestData, "python3", ["-m", "sim.cn_wgs", "-j", "2", _dir, Depth.ToString(System.Globalization.CultureInfo.InvariantCulture), .. Normals, .. Tumours]);
        double simulate = clock.Elapsed.TotalSeconds;
        clock.Restart();

        using var engine = CpuCompute.Engine();
        var analysis = new CopyNumberAnalysis(engine, NullLogger.Instance, threads: 2);
        string pon = Path.Combine(_dir, "pon.tsv");
        analysis.BuildPanel(Normals.Select(Bam).ToArray(), CopyNumberWorld.Reference, null, pon, threads: 2);
        using IndexedFastaReader fasta = IndexedFastaReader.Open(CopyNumberWorld.Reference);
        var calls = new Dictionary<string, CrbnCopyNumberCall>(StringComparer.Ordinal);
        foreach (string tumour in Tumours)
        {
            using var bam = new BamReader(Bam(tumour), 2);
            GenomeContext genome = GenomeContext.Resolve(bam, fasta);
            calls[tumour] = analysis.Run(bam, genome, pon, CopyNumberOptions.Default, normal: null, reference: fasta);
        }

        Seconds = (simulate, clock.Elapsed.TotalSeconds);
        return calls;
    }

    private string Bam(string sample) => Path.Combine(_dir, sample + ".bam");
}
