using System.Globalization;
using System.Text;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Vcf;

/// <summary>
/// The Ensembl VEP convention for consequence annotation: one <c>INFO/CSQ</c> value per allele and transcript, its
/// fields separated by <c>|</c> in the order the header's <c>Format:</c> names, so that <c>bcftools +split-vep</c> and
/// other VEP-aware tools read it. Multiple consequence terms are joined with <c>&amp;</c>, as VEP does.
/// </summary>
internal static class VepCsq
{
    /// <summary>The CSQ fields, in order (a subset of VEP's default output, same names).</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["Allele", "Consequence", "IMPACT", "SYMBOL", "Gene", "Feature_type", "Feature", "BIOTYPE", "EXON", "HGVSc", "HGVSp", "Protein_position", "DOMAINS"];

    /// <summary>The header description, ending in VEP's <c>Format: A|B|...</c>.</summary>
    public static string Description => "Consequence annotations from crbn (Ensembl VEP convention). Format: " + string.Join('|', Fields);

    /// <summary>Gene identifiers of the genes crbn annotates (Ensembl).</summary>
    private static readonly Dictionary<string, string> GeneIds = new(StringComparer.Ordinal) { ["CRBN"] = "ENSG00000113851" };

    /// <summary>The CSQ value of a CRBN variant (one allele, one transcript).</summary>
    public static string Value(VariantReport v, int exonCount)
    {
        string[] values =
        [
            v.Alt,
            v.Consequence,
            Impact(v.Consequence),
            v.Gene,
            GeneIds.GetValueOrDefault(v.Gene, string.Empty),
            "Transcript",
            v.Transcript,
            "protein_coding",
            v.Exon is int e ? string.Create(CultureInfo.InvariantCulture, $"{e}/{exonCount}") : string.Empty,
            v.HgvsC is null ? string.Empty : $"{v.Transcript}:{v.HgvsC}",
            v.HgvsP ?? string.Empty,
            v.Codon?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            v.InDrugBindingDomain ? "CULT_drug-binding_domain" : string.Empty,
        ];
        return string.Join('|', values.Select(Encode));
    }

    /// <summary>VEP's IMPACT class of the most severe term.</summary>
    public static string Impact(string consequence)
    {
        string[] terms = consequence.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Any(t => t is "transcript_ablation" or "splice_acceptor_variant" or "splice_donor_variant" or "stop_gained" or "frameshift_variant" or "stop_lost" or "start_lost"))
        {
            return "HIGH";
        }

        if (terms.Any(t => t is "inframe_insertion" or "inframe_deletion" or "missense_variant" or "protein_altering_variant"))
        {
            return "MODERATE";
        }

        return terms.Any(t => t is "splice_region_variant" or "synonymous_variant" or "stop_retained_variant" or "start_retained_variant" or "incomplete_terminal_codon_variant")
            ? "LOW"
            : "MODIFIER";
    }

    /// <summary>Percent-encodes what would break the INFO value or the field split (<c>| , ; = %</c> and white space).</summary>
    private static string Encode(string value)
    {
        StringBuilder sb = new(value.Length);
        foreach (char c in value)
        {
            _ = c switch
            {
                '|' => sb.Append("%7C"),
                ',' => sb.Append("%2C"),
                ';' => sb.Append("%3B"),
                '=' => sb.Append("%3D"),
                '%' => sb.Append("%25"),
                ' ' => sb.Append("%20"),
                '\t' => sb.Append("%09"),
                '\r' => sb.Append("%0D"),
                '\n' => sb.Append("%0A"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
