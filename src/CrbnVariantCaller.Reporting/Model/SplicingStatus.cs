using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Outcome of a splicing call (<c>detected|not_detected|not_assessable</c>).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SplicingStatus>))]
public enum SplicingStatus
{
    /// <summary>The event is present above the configured threshold.</summary>
    Detected,

    /// <summary>The data could show the event and it is absent (or below the threshold).</summary>
    NotDetected,

    /// <summary>The data cannot support a call (no RNA, too few junction reads).</summary>
    NotAssessable,
}
