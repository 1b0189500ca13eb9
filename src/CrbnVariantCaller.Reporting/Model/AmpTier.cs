using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>
/// The AMP/ASCO/CAP somatic variant tier (Li et al., J Mol Diagn 2017): I strong and II potential clinical significance,
/// III unknown significance, IV benign or likely benign. Written as <c>"I"</c>…<c>"IV"</c>.
/// </summary>
[JsonConverter(typeof(AmpTierJsonConverter))]
public enum AmpTier
{
    /// <summary>Tier I: strong clinical significance (level A/B evidence: approved therapy or professional guidelines).</summary>
    I = 1,

    /// <summary>Tier II: potential clinical significance (level C/D evidence: small studies, preclinical or case reports).</summary>
    II = 2,

    /// <summary>Tier III: unknown clinical significance.</summary>
    III = 3,

    /// <summary>Tier IV: benign or likely benign.</summary>
    IV = 4,
}

/// <summary>Writes <see cref="AmpTier"/> as its Roman numeral.</summary>
internal sealed class AmpTierJsonConverter : JsonConverter<AmpTier>
{
    public override AmpTier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Enum.TryParse(reader.GetString(), ignoreCase: false, out AmpTier tier) && Enum.IsDefined(tier) ? tier : throw new JsonException($"'{reader.GetString()}' is not an AMP tier (I-IV)");

    public override void Write(Utf8JsonWriter writer, AmpTier value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
