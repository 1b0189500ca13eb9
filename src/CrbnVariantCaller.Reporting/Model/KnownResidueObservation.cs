using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Force-genotyped allele counts at one base of a key-residue codon, reported whether or not a variant was called.</summary>
public sealed record KnownResidueObservation
{
    /// <summary>The residue as the literature writes it (<c>W380</c>).</summary>
    public required string Residue { get; init; }

    /// <summary>Codon number on NP_057386.2.</summary>
    public required int Codon { get; init; }

    /// <summary>Why it matters (<c>drug_contact</c>, <c>tri_tryptophan_pocket</c>, <c>zinc_binding</c>, ...).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Contig.</summary>
    public required string Chrom { get; init; }

    /// <summary>1-based genomic position of this codon base.</summary>
    public required Position Pos { get; init; }

    /// <summary>1, 2 or 3: which base of the codon (transcript order).</summary>
    public int CodonBase { get; init; }

    /// <summary>The reference base on the genome (plus strand).</summary>
    public string RefBase { get; init; } = "N";

    /// <summary>Reads counted at the position after filters.</summary>
    public int Depth { get; init; }

    /// <summary>Reads supporting the reference base.</summary>
    public int RefReads { get; init; }

    /// <summary>Reads supporting any other base or a deletion.</summary>
    public int AltReads { get; init; }

    /// <summary><c>alt_reads / depth</c>; null when depth is 0.</summary>
    public double? AltFraction { get; init; }

    /// <summary>The smallest VAF detectable at this depth (the limit of detection); null when depth is 0.</summary>
    public double? MinDetectableVaf { get; init; }

    /// <summary>The source assay.</summary>
    public VariantSource Source { get; init; } = VariantSource.Dna;
}
