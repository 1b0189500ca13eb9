using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>A typed germline SNP (for example ABCB1 rs1045642).</summary>
public sealed record GermlineSnp
{
    /// <summary>The SNP identifier (rsID).</summary>
    public required string Id { get; init; }

    /// <summary>The gene it lies in or near.</summary>
    public string? Gene { get; init; }

    /// <summary>Contig.</summary>
    public required string Chrom { get; init; }

    /// <summary>1-based position.</summary>
    public required Position Pos { get; init; }

    /// <summary>Reference allele.</summary>
    public required string Ref { get; init; }

    /// <summary>Alternate allele.</summary>
    public required string Alt { get; init; }

    /// <summary>VCF-style genotype: <c>0/0</c>, <c>0/1</c>, <c>1/1</c>, or <c>./.</c> when not callable.</summary>
    public required string Genotype { get; init; }

    /// <summary>Reads counted at the site.</summary>
    public int Depth { get; init; }

    /// <summary>Reads per allele, REF first then each ALT (the VCF AD); null when only REF/ALT totals are known.</summary>
    public IReadOnlyList<int>? AlleleDepths { get; init; }

    /// <summary>Reads with the reference allele.</summary>
    public int RefReads { get; init; }

    /// <summary>Reads with the alternate allele.</summary>
    public int AltReads { get; init; }

    /// <summary>Genotype quality (Phred), when computed.</summary>
    public double? GenotypeQuality { get; init; }

    /// <summary>The assay it was typed from.</summary>
    public VariantSource Source { get; init; } = VariantSource.Dna;

    /// <summary>
    /// The genotype in the study's allele naming, for example <c>ABCB1 c.3435C&gt;T C/T</c> (the GRCh38 reference at
    /// rs1045642 is the c.3435T allele, which the older literature calls the variant); null when the site table gives no
    /// study naming or the site was not genotyped.
    /// </summary>
    public string? StudyGenotype { get; init; }

    /// <summary>Free-text note from the SNP table (for example <c>c.3435T&gt;C</c>).</summary>
    public string? Note { get; init; }
}
