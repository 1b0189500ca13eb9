using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>The overall interpretation of a sample.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<OverallAssessment>))]
public enum OverallAssessment
{
    /// <summary>At least one finding is a likely resistance mechanism.</summary>
    ResistanceMechanismDetected,

    /// <summary>Findings that may contribute to resistance, none conclusive.</summary>
    Possible,

    /// <summary>The key evidence was assessed and nothing was found.</summary>
    NoneDetected,

    /// <summary>The key evidence could not be assessed.</summary>
    NotAssessable,
}
