using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Json;

/// <summary>
/// Writes a <see cref="double"/> as a JSON number with negative zero as <c>0</c> (a log2 ratio of −0.00004 rounded to
/// four places was written <c>-0</c>), and NaN/±Infinity as the named literals the report has always allowed.
/// </summary>
public sealed class DoubleJsonConverter : JsonConverter<double>
{
    /// <inheritdoc />
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : reader.GetDouble();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value == 0 ? 0d : value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
