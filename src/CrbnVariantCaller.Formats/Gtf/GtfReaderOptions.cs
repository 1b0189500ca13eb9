using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Formats.Gtf;

/// <summary>Options for <see cref="GtfReader"/>.</summary>
public sealed record GtfReaderOptions
{
    /// <summary>Force a dialect instead of detecting it from the content and the file name.</summary>
    public AnnotationFormat? Format { get; init; }

    /// <summary>Only return these feature types (column 3); other lines are checked for shape but their attributes are not parsed.</summary>
    public IReadOnlySet<string>? FeatureTypes { get; init; }

    /// <summary>Only return features overlapping this interval (same contig name).</summary>
    public GenomicInterval? Region { get; init; }
}
