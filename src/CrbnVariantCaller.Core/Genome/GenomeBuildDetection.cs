using System.Globalization;

namespace CrbnVariantCaller.Core.Genome;

/// <summary>The result of <see cref="GenomeBuildDetector.Detect"/>: the build, the naming style and the evidence.</summary>
public sealed record GenomeBuildDetection
{
    /// <summary>The detected build; <see cref="GenomeBuild.Unknown"/> when there is no or conflicting evidence.</summary>
    public required GenomeBuild Build { get; init; }

    /// <summary>How the primary chromosomes are named (<c>chr3</c> or <c>3</c>).</summary>
    public required ContigNaming Naming { get; init; }

    /// <summary>Every primary chromosome (and known decoy) that was looked at, with what it supports.</summary>
    public required IReadOnlyList<BuildEvidence> Evidence { get; init; }

    /// <summary>Number of contigs whose length is specific to GRCh37.</summary>
    public int Grch37Votes => Evidence.Count(e => e.Supports == GenomeBuild.GRCh37);

    /// <summary>Number of contigs whose length is specific to GRCh38.</summary>
    public int Grch38Votes => Evidence.Count(e => e.Supports == GenomeBuild.GRCh38);

    /// <summary>One line for logs and reports, e.g. <c>GRCh38 (25 primary contigs; 24 match GRCh38, 0 match GRCh37; chr naming)</c>.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Build} ({Evidence.Count} contigs examined; {Grch38Votes} match GRCh38, {Grch37Votes} match GRCh37; naming {Naming})");

    /// <inheritdoc />
    public override string ToString() => Summary;
}
