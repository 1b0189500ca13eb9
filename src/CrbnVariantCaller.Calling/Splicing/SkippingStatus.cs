namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>The call on an exon-skipping event (report values <c>detected</c>, <c>not_detected</c>, <c>not_assessable</c>).</summary>
public enum SkippingStatus
{
    /// <summary>Too few junction reads to support any call; <see cref="ToReportValue"/> gives <c>not_assessable</c>.</summary>
    NotAssessable = 0,

    /// <summary>Enough evidence was seen and the skipped isoform was not demonstrated (<c>not_detected</c>).</summary>
    NotDetected = 1,

    /// <summary>The skip junction is supported and the lower confidence bound of psi clears the threshold (<c>detected</c>).</summary>
    Detected = 2,
}

/// <summary>Report spellings of <see cref="SkippingStatus"/>.</summary>
public static class SkippingStatusExtensions
{
    /// <summary>The value written to <c>splicing.crbn_exon10_skipping.status</c> in the JSON report.</summary>
    public static string ToReportValue(this SkippingStatus status) => status switch
    {
        SkippingStatus.Detected => "detected",
        SkippingStatus.NotDetected => "not_detected",
        _ => "not_assessable",
    };
}
