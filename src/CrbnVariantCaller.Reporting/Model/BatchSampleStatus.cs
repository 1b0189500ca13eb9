using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Outcome of one sample in a batch run.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<BatchSampleStatus>))]
public enum BatchSampleStatus
{
    /// <summary>The report was written.</summary>
    Completed,

    /// <summary>The sample failed; the error says why.</summary>
    Failed,

    /// <summary>Skipped (for example already complete under <c>--resume</c>).</summary>
    Skipped,
}
