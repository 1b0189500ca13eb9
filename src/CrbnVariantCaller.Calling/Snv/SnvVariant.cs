using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>One called SNV or small indel in VCF representation (left-normalised; indels carry the anchor base).</summary>
public sealed record SnvVariant
{
    /// <summary>The contig, as the reference names it.</summary>
    public required string Contig { get; init; }

    /// <summary>VCF POS: the first REF base.</summary>
    public required Position Position { get; init; }

    /// <summary>VCF REF.</summary>
    public required string Ref { get; init; }

    /// <summary>VCF ALT.</summary>
    public required string Alt { get; init; }

    /// <summary>SNV, insertion or deletion.</summary>
    public required VariantKind Kind { get; init; }

    /// <summary>Reads (fragments; overlapping mates once) covering the site after the read and base filters.</summary>
    public required int Depth { get; init; }

    /// <summary>Reference-allele reads per strand.</summary>
    public required StrandCounts RefCounts { get; init; }

    /// <summary>Alt-allele reads per strand.</summary>
    public required StrandCounts AltCounts { get; init; }

    /// <summary>Alt reads / depth.</summary>
    public double Vaf => Depth == 0 ? 0 : (double)AltCounts.Total / Depth;

    /// <summary>
    /// The probability of at least this many alt reads from sequencing error alone (Poisson-binomial over the reads'
    /// calibrated error rates); not corrected for the number of tests.
    /// </summary>
    public required double PValue { get; init; }

    /// <summary>The per-test significance threshold applied (Alpha / number of tests).</summary>
    public required double Threshold { get; init; }

    /// <summary>Phred-scaled <see cref="PValue"/> (capped at 3000): the VCF QUAL.</summary>
    public double Quality => PValue <= 0 ? 3000 : Math.Min(3000, -10 * Math.Log10(PValue));

    /// <summary>The filters the site fails; empty means PASS.</summary>
    public required IReadOnlyList<SnvFilter> Filters { get; init; }

    /// <summary>True when no filter failed.</summary>
    public bool IsPass => Filters.Count == 0;

    /// <summary>The VCF FILTER column: <c>PASS</c> or the ids joined by <c>;</c>.</summary>
    public string FilterText => IsPass ? "PASS" : string.Join(';', Filters.Select(f => f.Id));

    /// <summary>Effect on the transcript; null when the reference window did not cover the transcript.</summary>
    public VariantAnnotation? Annotation { get; init; }

    /// <summary>Median distance of alt bases from the nearer aligned read end.</summary>
    public double MedianAltReadPosition { get; init; }

    /// <summary>Fraction of alt reads soft-clipped within the soft-clip window of the site.</summary>
    public double AltSoftClipFraction { get; init; }

    /// <summary>Alt and total reads in the matched normal; null without a normal.</summary>
    public (int Alt, int Depth)? Normal { get; init; }

    /// <summary>For indels: copies of the repeat unit at the site (1 outside repeats); 0 for SNVs.</summary>
    public int RepeatCount { get; init; }
}
