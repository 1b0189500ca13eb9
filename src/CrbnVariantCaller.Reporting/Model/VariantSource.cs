using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Which assay a variant was seen in (<c>"dna"</c> or <c>"rna"</c>).</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<VariantSource>))]
public enum VariantSource
{
    /// <summary>Called from the DNA (tumour) BAM.</summary>
    Dna,

    /// <summary>Called from the RNA BAM (an expressed variant).</summary>
    Rna,
}
