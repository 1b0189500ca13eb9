namespace CrbnVariantCaller.Core.Genome;

/// <summary>
/// Lengths of the primary chromosomes of GRCh37 and GRCh38 (UCSC hg19/hg38 <c>chrom.sizes</c>, identical to the
/// NCBI assembly reports), keyed by canonical name (<see cref="ContigNames"/>).
/// </summary>
public static class ChromosomeLengths
{
    /// <summary>hg19's chrM (NC_001807) is 16,571 bp; b37/hs37d5 and GRCh38 use the rCRS (NC_012920), 16,569 bp.</summary>
    public const long Hg19ChrM = 16_571;

    /// <summary>The revised Cambridge Reference Sequence length, used by b37, hs37d5 and GRCh38.</summary>
    public const long RevisedCambridgeMT = 16_569;

    /// <summary>GRCh37 primary chromosome lengths (MT is the rCRS; see <see cref="Hg19ChrM"/>).</summary>
    public static IReadOnlyDictionary<string, long> GRCh37 { get; } = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["1"] = 249_250_621, ["2"] = 243_199_373, ["3"] = 198_022_430, ["4"] = 191_154_276,
        ["5"] = 180_915_260, ["6"] = 171_115_067, ["7"] = 159_138_663, ["8"] = 146_364_022,
        ["9"] = 141_213_431, ["10"] = 135_534_747, ["11"] = 135_006_516, ["12"] = 133_851_895,
        ["13"] = 115_169_878, ["14"] = 107_349_540, ["15"] = 102_531_392, ["16"] = 90_354_753,
        ["17"] = 81_195_210, ["18"] = 78_077_248, ["19"] = 59_128_983, ["20"] = 63_025_520,
        ["21"] = 48_129_895, ["22"] = 51_304_566, ["X"] = 155_270_560, ["Y"] = 59_373_566,
        ["MT"] = RevisedCambridgeMT,
    };

    /// <summary>GRCh38 primary chromosome lengths.</summary>
    public static IReadOnlyDictionary<string, long> GRCh38 { get; } = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["1"] = 248_956_422, ["2"] = 242_193_529, ["3"] = 198_295_559, ["4"] = 190_214_555,
        ["5"] = 181_538_259, ["6"] = 170_805_979, ["7"] = 159_345_973, ["8"] = 145_138_636,
        ["9"] = 138_394_717, ["10"] = 133_797_422, ["11"] = 135_086_622, ["12"] = 133_275_309,
        ["13"] = 114_364_328, ["14"] = 107_043_718, ["15"] = 101_991_189, ["16"] = 90_338_345,
        ["17"] = 83_257_441, ["18"] = 80_373_285, ["19"] = 58_617_616, ["20"] = 64_444_167,
        ["21"] = 46_709_983, ["22"] = 50_818_468, ["X"] = 156_040_895, ["Y"] = 57_227_415,
        ["MT"] = RevisedCambridgeMT,
    };

    /// <summary>The table for one build.</summary>
    /// <exception cref="ArgumentException"><paramref name="build"/> is <see cref="GenomeBuild.Unknown"/>.</exception>
    public static IReadOnlyDictionary<string, long> For(GenomeBuild build) => build switch
    {
        GenomeBuild.GRCh37 => GRCh37,
        GenomeBuild.GRCh38 => GRCh38,
        _ => throw new ArgumentException("No chromosome lengths for an unknown build.", nameof(build)),
    };
}
