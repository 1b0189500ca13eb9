using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>How much weight a finding carries in the overall assessment.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<FindingLevel>))]
public enum FindingLevel
{
    /// <summary>A likely resistance mechanism (raises the overall call to <c>resistance_mechanism_detected</c>).</summary>
    ResistanceMechanism,

    /// <summary>May contribute to resistance (raises the overall call to <c>possible</c>).</summary>
    Possible,

    /// <summary>A variant of uncertain significance; reported, does not raise the overall call.</summary>
    UncertainSignificance,

    /// <summary>Context for the reader (biomarkers, germline, signatures); does not change the overall call.</summary>
    Informational,

    /// <summary>Something could not be judged; says what the report cannot show.</summary>
    Limitation,
}
