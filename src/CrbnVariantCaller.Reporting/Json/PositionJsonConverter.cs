using System.Text.Json;
using System.Text.Json.Serialization;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Reporting.Json;

/// <summary>Writes a <see cref="Position"/> as its 1-based integer, as VCF and the report contract show positions.</summary>
public sealed class PositionJsonConverter : JsonConverter<Position>
{
    /// <inheritdoc />
    public override Position Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        int value = reader.GetInt32();
        if (value < 1)
        {
            throw new JsonException($"a 1-based position must be at least 1, not {value}");
        }

        return new Position(value);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Position value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
