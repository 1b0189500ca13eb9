using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>
/// The disease setting of the sample (<c>crbn call --setting</c>, sample-sheet column <c>setting</c>). Expression
/// biomarker rules apply only in the setting their evidence comes from.
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ClinicalSetting>))]
public enum ClinicalSetting
{
    /// <summary>Not given: setting-specific biomarker rules are not applied, and the report says so.</summary>
    Unspecified,

    /// <summary>Newly diagnosed myeloma (NDMM), including maintenance after first-line therapy.</summary>
    NewlyDiagnosed,

    /// <summary>Relapsed or refractory myeloma (RRMM).</summary>
    Relapsed,
}
