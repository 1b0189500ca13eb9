using System.Text.Json.Serialization;
using CrbnVariantCaller.Reporting.Json;

namespace CrbnVariantCaller.Reporting.Compare;

/// <summary>Source-generated JSON metadata for <see cref="ComparisonReport"/> (snake_case, indented, nulls written).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true,
    Converters = [typeof(PositionJsonConverter), typeof(DoubleJsonConverter)])]
[JsonSerializable(typeof(ComparisonReport))]
internal sealed partial class ComparisonJsonContext : JsonSerializerContext;
