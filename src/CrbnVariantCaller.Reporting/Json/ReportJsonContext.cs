using System.Text.Json.Serialization;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for the report: snake_case names, nulls written (the contract has fields
/// that are <c>null</c> by meaning, such as <c>percentile</c> without a cohort), indented, enums as strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.Unspecified,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true,
    Converters = [typeof(PositionJsonConverter), typeof(DoubleJsonConverter), typeof(JsonStringEnumConverter<GenomeBuild>)])]
[JsonSerializable(typeof(SampleReport))]
[JsonSerializable(typeof(BatchSampleOutcome))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
