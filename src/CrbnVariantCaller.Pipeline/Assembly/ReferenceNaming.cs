using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Pipeline.Assembly;

/// <summary>
/// Reports and VCFs name contigs as the reference does: a BAM aligned to <c>3</c> read against a <c>chr3</c> FASTA
/// (the same sequence, another naming style) gives <c>chr3</c>, so that <c>bcftools norm -f REF</c> finds it.
/// </summary>
public static class ReferenceNaming
{
    /// <summary>The BAM's contigs under the reference's names (unchanged where the reference lacks one).</summary>
    public static IReadOnlyList<ContigInfo> Contigs(IReadOnlyList<ContigInfo> bamContigs, IndexedFastaReader reference) =>
        bamContigs.Select(c => c with { Name = NameOf(c.Name, reference) }).ToArray();

    /// <summary>Every contig name in <paramref name="report"/> under the reference's naming.</summary>
    public static SampleReport Apply(SampleReport report, IndexedFastaReader reference)
    {
        ArgumentNullException.ThrowIfNull(report);
        string N(string contig) => NameOf(contig, reference);
        return report with
        {
            Variants = report.Variants.Select(v => v with { Chrom = N(v.Chrom) }).ToArray(),
            KnownResidues = report.KnownResidues.Select(k => k with { Chrom = N(k.Chrom) }).ToArray(),
            LimitOfDetection = report.LimitOfDetection with { Chrom = N(report.LimitOfDetection.Chrom) },
            Splicing = report.Splicing with { Junctions = report.Splicing.Junctions.Select(j => j with { Chrom = N(j.Chrom) }).ToArray() },
            Germline = report.Germline with { Snps = report.Germline.Snps.Select(s => s with { Chrom = N(s.Chrom) }).ToArray() },
        };
    }

    private static string NameOf(string contig, IndexedFastaReader reference) =>
        reference.TryResolveContig(contig, out string? name) ? name : contig;
}
