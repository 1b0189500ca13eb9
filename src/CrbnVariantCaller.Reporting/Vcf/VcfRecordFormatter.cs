using System.Text;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Vcf;

/// <summary>Formats report variants and germline SNPs as VCF data lines.</summary>
internal static class VcfRecordFormatter
{
    private const string Format = "GT:AD:AF:DP:SB:FT";

    /// <summary>A CRBN small variant.</summary>
    public static VcfRecordLine Variant(VariantReport v, int contigIndex)
    {
        const int crbnExons = Core.Transcripts.CrbnTranscript.ExpectedExonCount;
        CheckAlleles(v.Ref, v.Alt, $"{v.Chrom}:{v.Pos}");
        List<string> info = ["GENE=" + VcfText.EncodeValue(v.Gene), "TX=" + VcfText.EncodeValue(v.Transcript)];
        AddIfPresent(info, "HGVSC", v.HgvsC);
        AddIfPresent(info, "HGVSP", v.HgvsP);
        AddIfPresent(info, "SO", v.Consequence);
        info.Add("CSQ=" + VepCsq.Value(v, crbnExons));
        if (v.Codon is int codon)
        {
            info.Add("CODON=" + VcfText.Number(codon));
        }

        if (v.Exon is int exon)
        {
            info.Add("EXON=" + VcfText.Number(exon));
        }

        if (v.InDrugBindingDomain)
        {
            info.Add("DBD");
        }

        if (v.IsKnownResidue)
        {
            info.Add("KNOWN");
        }

        info.Add("SRC=" + (v.Source == VariantSource.Rna ? "rna" : "dna"));
        if (v.PValue is double p)
        {
            info.Add("PVAL=" + p.ToString("0.###e+0", System.Globalization.CultureInfo.InvariantCulture));
        }

        string filter = NormaliseFilter(v.Filter);
        string sample = string.Join(':',
            VcfText.Column(v.Genotype),
            $"{VcfText.Number(v.RefReads)},{VcfText.Number(v.AltReads)}",
            VcfText.Number(v.Vaf, 6),
            VcfText.Number(v.Depth),
            $"{VcfText.Number(v.RefFwd)},{VcfText.Number(v.RefRev)},{VcfText.Number(v.AltFwd)},{VcfText.Number(v.AltRev)}",
            filter);
        string text = Line(v.Chrom, v.Pos.Value, ".", v.Ref, v.Alt, VcfText.Number(v.Quality, 2), filter, string.Join(';', info), sample);
        return new VcfRecordLine(contigIndex, v.Chrom, v.Pos.Value, v.Ref.Length, text);
    }

    /// <summary>The FILTER of a germline site that could not be genotyped.</summary>
    public const string NoCallFilter = "no_call";

    /// <summary>A typed germline SNP (written whatever its genotype, so that the site's counts are on record).</summary>
    public static VcfRecordLine Germline(GermlineSnp snp, int contigIndex)
    {
        CheckAlleles(snp.Ref, snp.Alt, $"{snp.Id} {snp.Chrom}:{snp.Pos}");
        List<string> info = ["GERMLINE"];
        AddIfPresent(info, "GENE", snp.Gene);
        info.Add("SRC=" + (snp.Source == VariantSource.Rna ? "rna" : "dna"));
        int[] depths = snp.AlleleDepths is { } d && d.Count == snp.Alt.Split(',').Length + 1
            ? d.ToArray()
            : [snp.RefReads, snp.AltReads];
        string ad = string.Join(",", depths.Select(n => VcfText.Number(n)));
        string af = snp.Depth > 0
            ? string.Join(',', depths.Skip(1).Select(n => VcfText.Number((double)n / snp.Depth, 6)))
            : string.Join(',', depths.Skip(1).Select(_ => "."));
        // A site that could not be genotyped (./.) is on record with its depth, but is not a PASS call.
        string filter = snp.Genotype.Contains('.', StringComparison.Ordinal) ? NoCallFilter : VariantReport.Pass;
        string sample = string.Join(':',
            VcfText.Column(snp.Genotype),
            ad,
            af,
            VcfText.Number(snp.Depth),
            ".",
            filter);
        string qual = snp.GenotypeQuality is double gq ? VcfText.Number(gq, 2) : ".";
        string text = Line(snp.Chrom, snp.Pos.Value, VcfText.Column(snp.Id, isIdColumn: true), snp.Ref, snp.Alt, qual, filter, string.Join(';', info), sample);
        return new VcfRecordLine(contigIndex, snp.Chrom, snp.Pos.Value, snp.Ref.Length, text);
    }

    private static string Line(string chrom, int pos, string id, string reference, string alt, string qual, string filter, string info, string sample)
    {
        StringBuilder sb = new(160);
        sb.Append(chrom).Append('\t').Append(VcfText.Number(pos)).Append('\t').Append(id).Append('\t')
          .Append(reference.ToUpperInvariant()).Append('\t').Append(alt.ToUpperInvariant()).Append('\t')
          .Append(qual).Append('\t').Append(filter).Append('\t').Append(info).Append('\t')
          .Append(Format).Append('\t').Append(sample);
        return sb.ToString();
    }

    private static void AddIfPresent(List<string> info, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            info.Add(key + "=" + VcfText.EncodeValue(value));
        }
    }

    private static string NormaliseFilter(string filter)
    {
        string[] parts = filter.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 0 || parts.All(p => p == VariantReport.Pass) ? VariantReport.Pass : string.Join(';', parts.Where(p => p != VariantReport.Pass));
    }

    private static void CheckAlleles(string reference, string alt, string where)
    {
        if (reference.Length == 0 || alt.Length == 0
            || !reference.All(static c => "ACGTNacgtn".Contains(c))
            || alt.Split(',').Any(static a => a.Length == 0 || !a.All(static c => "ACGTNacgtn*".Contains(c))))
        {
            throw new ArgumentException($"{where}: REF '{reference}' / ALT '{alt}' are not VCF alleles (A, C, G, T, N)");
        }
    }
}
