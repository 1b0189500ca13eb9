using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bed;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>
/// The testdata copy-number scenario (testdata/dna/copy_number: four normals and four tumours on the panel of
/// reference/panel_targets.bed), measured once on the managed CPU backend and shared by the tests.
/// </summary>
public sealed class CopyNumberWorld : IDisposable
{
    public static readonly string[] NormalNames = ["PON_N1", "PON_N2", "PON_N3", "PON_N4"];

    private readonly ComputeEngine _engine = CpuCompute.Engine();
    private readonly Dictionary<(string, bool), TargetDepths> _cache = [];

    public static string Dir => Path.Combine(RepoPaths.TestData, "dna", "copy_number");

    public static string Bam(string sample) => Path.Combine(Dir, sample + ".bam");

    public static string Reference => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    public static string PanelBed => Path.Combine(RepoPaths.TestData, "reference", "panel_targets.bed");

    public CopyNumberAnalysis Analysis => new(_engine, NullLogger.Instance);

    /// <summary>Depths of <paramref name="sample"/> on the BED targets, or on the CRBN-model targets.</summary>
    public TargetDepths Depths(string sample, bool fromBed = true)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue((sample, fromBed), out TargetDepths? depths))
            {
                using IndexedFastaReader fasta = IndexedFastaReader.Open(Reference);
                using var bam = new BamReader(Bam(sample));
                GenomeContext genome = GenomeContext.Resolve(bam, fasta);
                IReadOnlyList<CopyNumberTarget> targets = CopyNumberAnalysis.ResolveTargets(fromBed ? BedReader.Read(PanelBed) : null, genome);
                depths = Analysis.Measure(bam, sample, genome, targets);
                _cache[(sample, fromBed)] = depths;
            }

            return depths;
        }
    }

    public PanelOfNormals Panel(IEnumerable<string> normals, bool fromBed = true) =>
        PanelOfNormals.Build(normals.Select(n => Depths(n, fromBed)).ToArray());

    public void Dispose() => _engine.Dispose();
}
