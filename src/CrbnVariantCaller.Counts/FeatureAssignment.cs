namespace CrbnVariantCaller.Counts;

/// <summary>
/// Why a read or fragment was not assigned; the kernels write a gene index (≥ 0) or one of these negative codes
/// (<c>FeatureKernels</c> in kernels/).
/// </summary>
public enum FeatureAssignment
{
    /// <summary>featureCounts Unassigned_NoFeatures.</summary>
    NoFeatures = -1,

    /// <summary>featureCounts Unassigned_Ambiguity: overlaps features of more than one gene.</summary>
    Ambiguous = -2,

    /// <summary>featureCounts Unassigned_MultiMapping: NH &gt; 1 or a secondary alignment.</summary>
    MultiMapping = -3,

    /// <summary>featureCounts Unassigned_MappingQuality.</summary>
    MappingQuality = -4,

    /// <summary>featureCounts Unassigned_Unmapped.</summary>
    Unmapped = -5,

    /// <summary>featureCounts Unassigned_Duplicate.</summary>
    Duplicate = -6,

    /// <summary>Not a unit of its own: the read's fragment is counted through its mate.</summary>
    CountedWithMate = -7,

    /// <summary>A supplementary alignment: never counted on its own.</summary>
    Supplementary = -8,
}
