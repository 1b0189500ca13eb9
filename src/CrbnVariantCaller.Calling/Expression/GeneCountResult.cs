using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Expression;

/// <summary>What <see cref="ExpressionQuantifier.Quantify"/> returns: the profile plus how it was counted.</summary>
/// <param name="Profile">Counts, CPM and TPM per gene.</param>
/// <param name="Strandedness">The strand mode used, with its evidence.</param>
/// <param name="CountedFragments">True when fragments (read pairs) were counted, false for reads.</param>
/// <param name="LibrarySize">Library size in counting units used for CPM (mapped reads, halved when counting fragments).</param>
/// <param name="Unassigned">featureCounts-style summary of what was not assigned.</param>
/// <param name="GenesNotOnReference">Annotated genes whose contig the BAM header lacks (reported with 0 counts).</param>
public sealed record GeneCountResult(
    ExpressionProfile Profile,
    StrandednessCall Strandedness,
    bool CountedFragments,
    double LibrarySize,
    IReadOnlyDictionary<FeatureAssignment, long> Unassigned,
    IReadOnlyList<string> GenesNotOnReference);
