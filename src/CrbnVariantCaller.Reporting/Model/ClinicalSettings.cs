namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Parses the command-line and sample-sheet spelling of a <see cref="ClinicalSetting"/>.</summary>
public static class ClinicalSettings
{
    /// <summary>Reads <c>newly_diagnosed</c> (also <c>ndmm</c>) or <c>relapsed</c> (also <c>rrmm</c>), case-insensitive.</summary>
    public static bool TryParse(string? text, out ClinicalSetting setting)
    {
        setting = text?.Trim().ToLowerInvariant() switch
        {
            "newly_diagnosed" or "ndmm" => ClinicalSetting.NewlyDiagnosed,
            "relapsed" or "rrmm" => ClinicalSetting.Relapsed,
            _ => ClinicalSetting.Unspecified,
        };
        return setting != ClinicalSetting.Unspecified;
    }

    /// <summary>The setting of a validated cell; <see cref="ClinicalSetting.Unspecified"/> for null or empty.</summary>
    /// <exception cref="ArgumentException">The text is not a setting.</exception>
    public static ClinicalSetting Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ClinicalSetting.Unspecified
        : TryParse(text, out ClinicalSetting s) ? s : throw new ArgumentException($"'{text}' is not newly_diagnosed or relapsed", nameof(text));
}
