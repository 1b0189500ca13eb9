using System.Text;
using CrbnVariantCaller.Formats.Bgzf;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Vcf;

/// <summary>
/// Writes the CRBN variants and the typed germline SNPs of a report as VCF 4.3: all contigs of the BAM header, FORMAT
/// <c>GT:AD:AF:DP:SB:FT</c>, HGVS and consequence in INFO, records sorted by contig order then position. Either plain
/// text, or bgzipped (with <see cref="BgzfWriter"/>) together with a tabix index built by <see cref="TabixIndexBuilder"/>.
/// </summary>
public static class VcfWriter
{
    /// <summary>Writes plain-text VCF.</summary>
    /// <exception cref="ArgumentException">A record's contig is not in <see cref="VcfContext.Contigs"/>, or a filter ID is invalid.</exception>
    public static void WriteText(SampleReport report, VcfContext context, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        (string header, List<VcfRecordLine> records) = Build(report, context);
        using StreamWriter writer = new(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.Write(header);
        foreach (VcfRecordLine record in records)
        {
            writer.Write(record.Text);
            writer.Write('\n');
        }
    }

    /// <summary>Writes bgzipped VCF to <paramref name="vcfGz"/> and its tabix index to <paramref name="tabixIndex"/>.</summary>
    /// <exception cref="ArgumentException">A record's contig is not in <see cref="VcfContext.Contigs"/>, or a filter ID is invalid.</exception>
    public static void WriteBgzf(SampleReport report, VcfContext context, Stream vcfGz, Stream tabixIndex)
    {
        ArgumentNullException.ThrowIfNull(vcfGz);
        ArgumentNullException.ThrowIfNull(tabixIndex);
        (string header, List<VcfRecordLine> records) = Build(report, context);
        TabixIndexBuilder index = new();
        using (BgzfWriter bgzf = new(vcfGz, leaveOpen: true))
        {
            bgzf.Write(Encoding.UTF8.GetBytes(header));

            // The records start in a fresh block, so the header can be read without inflating any record.
            bgzf.FlushBlock();
            byte[] line = [];
            foreach (VcfRecordLine record in records)
            {
                int length = Encoding.UTF8.GetByteCount(record.Text) + 1;
                if (line.Length < length)
                {
                    line = new byte[Math.Max(length, 2 * line.Length)];
                }

                Encoding.UTF8.GetBytes(record.Text, line);
                line[length - 1] = (byte)'\n';
                VirtualOffset start = bgzf.Position;
                bgzf.Write(line.AsSpan(0, length));
                index.Add(record.Chrom, record.Pos - 1, record.Pos - 1 + record.RefLength, start, bgzf.Position);
            }

            bgzf.FlushBlock();
            index.Finish(bgzf.Position);
        }

        index.WriteTo(tabixIndex);
    }

    /// <summary>Formats the header and the sorted record lines.</summary>
    internal static (string Header, List<VcfRecordLine> Records) Build(SampleReport report, VcfContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        Dictionary<string, int> contigIndex = new(StringComparer.Ordinal);
        for (int i = 0; i < context.Contigs.Count; i++)
        {
            contigIndex.TryAdd(context.Contigs[i].Name, i);
        }

        foreach (string filter in context.FilterDescriptions.Keys)
        {
            if (!VcfText.IsValidFilterId(filter))
            {
                throw new ArgumentException($"'{filter}' is not a valid VCF FILTER ID (no whitespace, ';', ',', '=', ':'; not '0')", nameof(context));
            }
        }

        HashSet<string> filtersUsed = new(StringComparer.Ordinal);
        List<VcfRecordLine> records = [];
        foreach (VariantReport v in report.Variants)
        {
            foreach (string f in SplitFilters(v.Filter))
            {
                filtersUsed.Add(f);
            }

            records.Add(VcfRecordFormatter.Variant(v, Lookup(contigIndex, v.Chrom)));
        }

        foreach (GermlineSnp snp in report.Germline.Snps)
        {
            records.Add(VcfRecordFormatter.Germline(snp, Lookup(contigIndex, snp.Chrom)));
        }

        records.Sort(static (a, b) =>
        {
            int c = a.ContigIndex.CompareTo(b.ContigIndex);
            c = c != 0 ? c : a.Pos.CompareTo(b.Pos);
            return c != 0 ? c : string.CompareOrdinal(a.Text, b.Text);
        });

        StringBuilder header = new(4096);
        VcfHeader.Write(header, report, context, filtersUsed);
        return (header.ToString(), records);
    }

    private static int Lookup(Dictionary<string, int> contigIndex, string chrom) =>
        contigIndex.TryGetValue(chrom, out int index)
            ? index
            : throw new ArgumentException($"contig '{chrom}' of a record is not among the VCF contigs (the BAM header's @SQ lines)", nameof(chrom));

    private static IEnumerable<string> SplitFilters(string filter)
    {
        foreach (string f in filter.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (f == VariantReport.Pass)
            {
                continue;
            }

            if (!VcfText.IsValidFilterId(f))
            {
                throw new ArgumentException($"'{f}' is not a valid VCF FILTER ID", nameof(filter));
            }

            yield return f;
        }
    }
}
