using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Reporting.Json;

/// <summary>
/// Writes a long numeric array on one line even in an indented document (the per-position limit-of-detection columns
/// would otherwise take one line per coding base); reads an ordinary JSON array.
/// </summary>
public sealed class CompactArrayJsonConverter : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(IReadOnlyList<int>) || typeToConvert == typeof(IReadOnlyList<double?>) || typeToConvert == typeof(IReadOnlyList<Position>);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(IReadOnlyList<int>) ? new Ints()
        : typeToConvert == typeof(IReadOnlyList<double?>) ? new NullableDoubles()
        : new Positions();

    private static void WriteRaw<T>(Utf8JsonWriter writer, IReadOnlyList<T> values, Func<T, string> format)
    {
        StringBuilder sb = new(values.Count * 6);
        sb.Append('[');
        for (int i = 0; i < values.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",").Append(format(values[i]));
        }

        writer.WriteRawValue(sb.Append(']').ToString(), skipInputValidation: true);
    }

    private static List<T> ReadArray<T>(ref Utf8JsonReader reader, Func<Utf8JsonReader, T> item)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("expected an array");
        }

        List<T> list = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(item(reader));
        }

        return list;
    }

    private sealed class Ints : JsonConverter<IReadOnlyList<int>>
    {
        public override IReadOnlyList<int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadArray(ref reader, r => r.GetInt32());

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<int> value, JsonSerializerOptions options) =>
            WriteRaw(writer, value, v => v.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class Positions : JsonConverter<IReadOnlyList<Position>>
    {
        public override IReadOnlyList<Position> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadArray(ref reader, r => new Position(r.GetInt32()));

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<Position> value, JsonSerializerOptions options) =>
            WriteRaw(writer, value, v => v.Value.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class NullableDoubles : JsonConverter<IReadOnlyList<double?>>
    {
        public override IReadOnlyList<double?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadArray(ref reader, r => r.TokenType == JsonTokenType.Null ? (double?)null : r.GetDouble());

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<double?> value, JsonSerializerOptions options) =>
            WriteRaw(writer, value, v => v is double d && double.IsFinite(d) ? Math.Round(d, 6).ToString("R", CultureInfo.InvariantCulture) : "null");
    }
}
