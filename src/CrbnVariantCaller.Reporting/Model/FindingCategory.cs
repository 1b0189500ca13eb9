using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>The kind of evidence a finding rests on.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<FindingCategory>))]
public enum FindingCategory
{
    /// <summary>A CRBN small variant (SNV or indel).</summary>
    PointMutation,

    /// <summary>CRBN splicing (Δexon10, other skips, novel junctions).</summary>
    Splicing,

    /// <summary>CRBN copy number.</summary>
    CopyNumber,

    /// <summary>Gene expression biomarkers.</summary>
    Expression,

    /// <summary>Gene-set signature scores.</summary>
    Signature,

    /// <summary>Germline pharmacogenetic SNPs.</summary>
    Germline,

    /// <summary>Coverage and data quality.</summary>
    Coverage,
}
