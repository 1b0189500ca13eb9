using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bed;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.Pipeline.CopyNumber;
using CrbnVariantCaller.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>
/// The testdata copy-number scenarios, measured once on the managed CPU backend and shared by the tests:
/// testdata/dna/copy_number (four normals and four tumours on reference/panel_targets.bed, no off-target reads) and
/// testdata/dna/copy_number_hybrid (five normals and seven tumours on reference/cn_hybrid_targets.bed with off-target
/// reads over chr3 2.0–4.5 Mb and background windows).
/// </summary>
public sealed class CopyNumberWorld : IDisposable
{
    public static readonly string[] NormalNames = ["PON_N1", "PON_N2", "PON_N3", "PON_N4"];

    public static readonly string[] HybridNormals = ["CNH_N1", "CNH_N2", "CNH_N3", "CNH_N4", "CNH_N5_NOISY"];

    private readonly ComputeEngine _engine = CpuCompute.Engine();
    private readonly Dictionary<(string, string, string?), TargetDepths> _cache = [];
    private readonly Dictionary<(string, string?), CopyNumberBins.Layout> _layouts = [];
    private readonly Dictionary<string, IReadOnlyList<HetSite>> _sites = [];

    public static string Dir => Path.Combine(RepoPaths.TestData, "dna", "copy_number");

    public static string HybridDir => Path.Combine(RepoPaths.TestData, "dna", "copy_number_hybrid");

    public static string Bam(string sample) => Path.Combine(Dir, sample + ".bam");

    public static string Reference => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    public static string PanelBed => Path.Combine(RepoPaths.TestData, "reference", "panel_targets.bed");

    public static string HybridBed => Path.Combine(RepoPaths.TestData, "reference", "cn_hybrid_targets.bed");

    public CopyNumberAnalysis Analysis => new(_engine, NullLogger.Instance);

    /// <summary>Depths of a testdata/dna/copy_number sample on the BED bins, or on the whole-genome bins.</summary>
    public TargetDepths Depths(string sample, bool fromBed = true) => Depths(Dir, sample, fromBed ? PanelBed : null);

    /// <summary>Depths of a hybrid-scenario sample on the hybrid BED's bins.</summary>
    public TargetDepths Hybrid(string sample) => Depths(HybridDir, sample, HybridBed);

    public TargetDepths Depths(string dir, string sample, string? bed)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue((dir, sample, bed), out TargetDepths? depths))
            {
                using IndexedFastaReader fasta = IndexedFastaReader.Open(Reference);
                using var bam = new BamReader(Path.Combine(dir, sample + ".bam"));
                GenomeContext genome = GenomeContext.Resolve(bam, fasta);
                CopyNumberBins.Layout layout = Layout(dir, bed, genome, fasta);
                depths = Analysis.Measure(bam, sample, genome, layout.Bins);
                _cache[(dir, sample, bed)] = depths;
            }

            return depths;
        }
    }

    /// <summary>Heterozygous SNPs found in a hybrid-scenario tumour itself, with its counts.</summary>
    public IReadOnlyList<HetSite> HybridSites(string sample)
    {
        lock (_sites)
        {
            if (!_sites.TryGetValue(sample, out IReadOnlyList<HetSite>? sites))
            {
                using IndexedFastaReader fasta = IndexedFastaReader.Open(Reference);
                using var bam = new BamReader(Path.Combine(HybridDir, sample + ".bam"));
                sites = new HetSiteCollector(_engine, 1 << 18).Collect(bam, null, Hybrid(sample).Targets, fasta, CopyNumberOptions.Default).Sites;
                _sites[sample] = sites;
            }

            return sites;
        }
    }

    public PanelOfNormals Panel(IEnumerable<string> normals, bool fromBed = true) =>
        PanelOfNormals.Build(normals.Select(n => Depths(n, fromBed)).ToArray(), Gc(Dir, fromBed ? PanelBed : null));

    public PanelOfNormals HybridPanel(IEnumerable<string> normals) =>
        PanelOfNormals.Build(normals.Select(Hybrid).ToArray(), Gc(HybridDir, HybridBed));

    public void Dispose() => _engine.Dispose();

    private double[] Gc(string dir, string? bed)
    {
        lock (_cache)
        {
            return _layouts[(dir, bed)].Gc;
        }
    }

    private CopyNumberBins.Layout Layout(string dir, string? bed, GenomeContext genome, IndexedFastaReader fasta)
    {
        if (!_layouts.TryGetValue((dir, bed), out CopyNumberBins.Layout? layout))
        {
            layout = CopyNumberBins.Resolve(bed is null ? null : BedReader.Read(bed), genome, fasta, null);
            _layouts[(dir, bed)] = layout;
        }

        return layout;
    }
}
