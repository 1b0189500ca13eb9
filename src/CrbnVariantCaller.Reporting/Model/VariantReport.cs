using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>
/// One CRBN small variant (SNV or left-normalised indel) with its counts, annotation on NM_016302.4 and filters.
/// Alleles are VCF-style: REF and ALT share the anchor base for indels.
/// </summary>
public sealed record VariantReport
{
    /// <summary>The value of <see cref="Filter"/> for a variant that passed every filter.</summary>
    public const string Pass = "PASS";

    /// <summary>Contig name as in the BAM header.</summary>
    public required string Chrom { get; init; }

    /// <summary>1-based position of the first REF base.</summary>
    public required Position Pos { get; init; }

    /// <summary>Reference allele (upper-case A/C/G/T/N).</summary>
    public required string Ref { get; init; }

    /// <summary>Alternate allele.</summary>
    public required string Alt { get; init; }

    /// <summary>Variant allele fraction, <c>alt_reads / depth</c>.</summary>
    public double Vaf { get; init; }

    /// <summary>Reads counted at the site after filters (no cap).</summary>
    public int Depth { get; init; }

    /// <summary>Reads supporting the alternate allele.</summary>
    public int AltReads { get; init; }

    /// <summary>Reads supporting the reference allele.</summary>
    public int RefReads { get; init; }

    /// <summary>Reference-supporting reads on the forward strand.</summary>
    public int RefFwd { get; init; }

    /// <summary>Reference-supporting reads on the reverse strand.</summary>
    public int RefRev { get; init; }

    /// <summary>Alternate-supporting reads on the forward strand.</summary>
    public int AltFwd { get; init; }

    /// <summary>Alternate-supporting reads on the reverse strand.</summary>
    public int AltRev { get; init; }

    /// <summary>Phred-scaled variant quality (the VCF QUAL).</summary>
    public double Quality { get; init; }

    /// <summary>Genotype written to the VCF (<c>0/1</c> for a somatic call).</summary>
    public string Genotype { get; init; } = "0/1";

    /// <summary>Gene symbol.</summary>
    public string Gene { get; init; } = "CRBN";

    /// <summary>The transcript the HGVS refers to.</summary>
    public string Transcript { get; init; } = "NM_016302.4";

    /// <summary>HGVS c. notation on <see cref="Transcript"/> (for example <c>c.1138T&gt;G</c>); null outside the transcript.</summary>
    public string? HgvsC { get; init; }

    /// <summary>HGVS p. notation (for example <c>p.Trp380Gly</c>); null when not coding.</summary>
    public string? HgvsP { get; init; }

    /// <summary>Sequence Ontology consequence term (<c>missense_variant</c>, <c>frameshift_variant</c>, <c>splice_donor_variant</c>, ...).</summary>
    public required string Consequence { get; init; }

    /// <summary>The affected codon (for splice variants the codon next to the intron); null when none.</summary>
    public int? Codon { get; init; }

    /// <summary>The exon the variant lies in; null in introns and outside the gene.</summary>
    public int? Exon { get; init; }

    /// <summary><c>PASS</c>, or the failed filters joined with <c>;</c>.</summary>
    public string Filter { get; init; } = Pass;

    /// <summary>True when the affected codon lies in the CULT (drug-binding) domain, residues 318–426.</summary>
    public bool InDrugBindingDomain { get; init; }

    /// <summary>The assay the variant was called from.</summary>
    public VariantSource Source { get; init; } = VariantSource.Dna;

    /// <summary>True when the codon is one of the configured key residues.</summary>
    public bool IsKnownResidue { get; init; }

    /// <summary>The statistical test's p-value (or null when the model gives none).</summary>
    public double? PValue { get; init; }

    /// <summary>True when the variant passed every filter.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPass => Filter == Pass;

    /// <summary>Builds the <see cref="Filter"/> value from a list of failed filters (<c>PASS</c> when empty).</summary>
    public static string JoinFilters(IEnumerable<string> failedFilters)
    {
        ArgumentNullException.ThrowIfNull(failedFilters);
        string joined = string.Join(';', failedFilters.Where(f => !string.IsNullOrWhiteSpace(f) && f != Pass).Distinct(StringComparer.Ordinal));
        return joined.Length == 0 ? Pass : joined;
    }
}
