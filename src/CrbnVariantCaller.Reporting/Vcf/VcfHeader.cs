using System.Globalization;
using System.Text;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Vcf;

/// <summary>The meta-information and column-header lines of the VCF.</summary>
internal static class VcfHeader
{
    /// <summary>INFO fields: ID, Number, Type, Description.</summary>
    private static readonly (string Id, string Number, string Type, string Description)[] InfoFields =
    [
        ("GENE", "1", "String", "Gene symbol"),
        ("TX", "1", "String", "Transcript the HGVS notation refers to"),
        ("HGVSC", "1", "String", "HGVS coding-DNA notation on TX (percent-encoded as VCF 4.3 requires)"),
        ("HGVSP", "1", "String", "HGVS protein notation (percent-encoded as VCF 4.3 requires)"),
        ("CSQ", ".", "String", VepCsq.Description),
        ("SO", "1", "String", "Sequence Ontology consequence term on TX"),
        ("CODON", "1", "Integer", "Affected codon on the protein (for splice variants the codon next to the intron)"),
        ("EXON", "1", "Integer", "Exon of TX holding the variant"),
        ("DBD", "0", "Flag", "The affected codon lies in the CRBN CULT drug-binding domain (residues 318-426)"),
        ("KNOWN", "0", "Flag", "The affected codon is a configured key residue (drug contact, pocket, zinc ligand)"),
        ("SRC", "1", "String", "Assay the call comes from: dna or rna"),
        ("GERMLINE", "0", "Flag", "Typed germline SNP from the configured SNP table"),
        ("PVAL", "1", "Float", "P-value of the variant test"),
    ];

    /// <summary>FORMAT fields: ID, Number, Type, Description.</summary>
    private static readonly (string Id, string Number, string Type, string Description)[] FormatFields =
    [
        ("GT", "1", "String", "Genotype"),
        ("AD", "R", "Integer", "Read depth of each allele (REF, ALT) after read filters"),
        ("AF", "A", "Float", "Alternate allele fraction, AD[ALT]/DP"),
        ("DP", "1", "Integer", "Read depth at the site after read filters (no cap)"),
        ("SB", "4", "Integer", "Strand counts: REF forward, REF reverse, ALT forward, ALT reverse"),
        ("FT", "1", "String", "Sample filter: PASS or the failed filters separated by semicolons"),
    ];

    /// <summary>Writes every header line, the <c>#CHROM</c> line last.</summary>
    public static void Write(StringBuilder sb, SampleReport report, VcfContext context, IReadOnlyCollection<string> filtersUsed)
    {
        sb.Append("##fileformat=VCFv4.3\n");
        if (context.FileDate is DateOnly date)
        {
            sb.Append("##fileDate=").Append(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Append('\n');
        }

        string source = context.Source ?? $"{report.Tool.Name} {report.Tool.Version}";
        sb.Append("##source=").Append(VcfText.Column(source).Replace(' ', '_')).Append('\n');
        sb.Append("##reference=").Append(ReferenceUrl(context.ReferencePath)).Append('\n');
        string? assembly = report.GenomeBuild is GenomeBuild.GRCh37 or GenomeBuild.GRCh38 ? report.GenomeBuild.ToString() : null;
        foreach (ContigInfo contig in context.Contigs)
        {
            sb.Append("##contig=<ID=").Append(contig.Name).Append(",length=").Append(VcfText.Number(contig.Length));
            if (assembly is not null)
            {
                sb.Append(",assembly=").Append(assembly);
            }

            sb.Append(">\n");
        }

        foreach ((string id, string number, string type, string description) in InfoFields)
        {
            sb.Append("##INFO=<ID=").Append(id).Append(",Number=").Append(number).Append(",Type=").Append(type)
              .Append(",Description=").Append(VcfText.QuoteDescription(description)).Append(">\n");
        }

        sb.Append("##FILTER=<ID=PASS,Description=\"All filters passed\">\n");
        foreach (string filter in filtersUsed.Union(context.FilterDescriptions.Keys).Where(f => f != VariantReport.Pass).Order(StringComparer.Ordinal))
        {
            string description = context.FilterDescriptions.TryGetValue(filter, out string? d)
                ? d
                : "Filter set by crbn (no description was supplied)";
            sb.Append("##FILTER=<ID=").Append(filter).Append(",Description=").Append(VcfText.QuoteDescription(description)).Append(">\n");
        }

        foreach ((string id, string number, string type, string description) in FormatFields)
        {
            sb.Append("##FORMAT=<ID=").Append(id).Append(",Number=").Append(number).Append(",Type=").Append(type)
              .Append(",Description=").Append(VcfText.QuoteDescription(description)).Append(">\n");
        }

        sb.Append("##crbn_schema_version=").Append(report.SchemaVersion).Append('\n');
        sb.Append("##crbn_backend=").Append(VcfText.Column(report.Tool.Backend)).Append('\n');
        sb.Append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t").Append(VcfText.Column(report.Sample)).Append('\n');
    }

    /// <summary>A <c>file://</c> URL for an absolute path, the path itself otherwise.</summary>
    private static string ReferenceUrl(string path)
    {
        string cleaned = VcfText.Column(path);
        return Path.IsPathFullyQualified(cleaned) ? "file://" + cleaned : cleaned;
    }
}
