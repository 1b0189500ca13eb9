using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Writes and reads an enum as its snake_case name (<c>HemizygousLoss</c> ↔ <c>"hemizygous_loss"</c>).</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class SnakeCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the converter; integers are rejected so that a report never carries a bare enum number.</summary>
    public SnakeCaseEnumConverter()
        : base(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    {
    }
}
