namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Splicing results (<c>splicing</c>).</summary>
public sealed record SplicingSection
{
    /// <summary>The Δexon10 call (<c>splicing.crbn_exon10_skipping</c>).</summary>
    public Exon10Skipping CrbnExon10Skipping { get; init; } = new();

    /// <summary>Every CRBN junction seen (STAR SJ.out.tab coordinates), the data of the sashimi plot.</summary>
    public IReadOnlyList<JunctionReport> Junctions { get; init; } = [];

    /// <summary>How junction strand was decided (library type detected or given, XS/TS tags).</summary>
    public string? StrandSource { get; init; }
}
