using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Formats.Gtf;

/// <summary>One feature line of a GTF or GFF3 file.</summary>
public sealed class GtfRecord
{
    /// <summary>Creates a record.</summary>
    public GtfRecord(
        GenomicInterval interval,
        string source,
        string featureType,
        double? score,
        Strand strand,
        int? phase,
        GtfAttributes attributes,
        long lineNumber)
    {
        Interval = interval;
        Source = source;
        FeatureType = featureType;
        Score = score;
        Strand = strand;
        Phase = phase;
        Attributes = attributes;
        LineNumber = lineNumber;
    }

    /// <summary>Contig (column 1) with start and end (columns 4, 5), 1-based closed.</summary>
    public GenomicInterval Interval { get; }

    /// <summary>The contig name (column 1).</summary>
    public string Contig => Interval.Contig;

    /// <summary>Column 2, e.g. <c>HAVANA</c>, <c>BestRefSeq</c>.</summary>
    public string Source { get; }

    /// <summary>Column 3, e.g. <c>gene</c>, <c>transcript</c>, <c>mRNA</c>, <c>exon</c>, <c>CDS</c>, <c>stop_codon</c>.</summary>
    public string FeatureType { get; }

    /// <summary>Column 6, or null for <c>.</c>.</summary>
    public double? Score { get; }

    /// <summary>Column 7.</summary>
    public Strand Strand { get; }

    /// <summary>Column 8 (0, 1 or 2), or null for <c>.</c>.</summary>
    public int? Phase { get; }

    /// <summary>Column 9, parsed.</summary>
    public GtfAttributes Attributes { get; }

    /// <summary>The 1-based line number in the file.</summary>
    public long LineNumber { get; }

    /// <inheritdoc />
    public override string ToString() => $"{FeatureType} {Interval} ({Strand}) line {LineNumber}";
}
