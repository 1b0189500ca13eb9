using System.Globalization;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// Infers the library type from the reads over the annotated genes, as RSeQC <c>infer_experiment.py</c> does with
/// featureCounts' own assignment rules: the genes are counted on single reads (not fragments, so read 1 and read 2
/// each vote with read 2 flipped) in <c>-s 1</c> and <c>-s 2</c> mode (<see cref="CountRequest"/>). A dUTP library
/// puts nearly all reads in <c>-s 2</c>, a ligation (or second-strand) library in <c>-s 1</c>, an unstranded one
/// about half in each. Too few reads, or a split that is neither, gives "unknown, assumed unstranded", which never
/// loses reads (a stranded count from an unstranded library would lose about half of them).
/// </summary>
public static class LibraryStrandDetector
{
    /// <summary>How the genes are counted in one strand mode for <see cref="Detect"/> (single reads, not fragments).</summary>
    /// <param name="mode"><see cref="Strandedness.Stranded"/> or <see cref="Strandedness.ReverselyStranded"/>.</param>
    /// <param name="options">Thresholds; <c>null</c> for the defaults.</param>
    public static FeatureCountRequest CountRequest(Strandedness mode, StrandDetectionOptions? options = null)
    {
        options ??= new StrandDetectionOptions();
        return new FeatureCountRequest
        {
            Strandedness = mode,
            CountFragments = false,
            MinMappingQuality = options.MinMappingQuality,
        };
    }

    /// <summary>Infers the strandedness from the genes counted in both stranded modes.</summary>
    /// <param name="stranded">The counts under <c>CountRequest(Strandedness.Stranded)</c> (<c>-s 1</c>).</param>
    /// <param name="reverselyStranded">The counts under <c>CountRequest(Strandedness.ReverselyStranded)</c> (<c>-s 2</c>).</param>
    /// <param name="options">Thresholds; <c>null</c> for the defaults.</param>
    public static StrandednessCall Detect(FeatureCountResult stranded, FeatureCountResult reverselyStranded, StrandDetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stranded);
        ArgumentNullException.ThrowIfNull(reverselyStranded);
        return Classify(stranded.Assigned, reverselyStranded.Assigned, options);
    }

    /// <summary>The decision rule on the two counts (exposed for tests and for counts obtained elsewhere).</summary>
    public static StrandednessCall Classify(long senseReads, long antisenseReads, StrandDetectionOptions? options = null)
    {
        options ??= new StrandDetectionOptions();
        long informative = senseReads + antisenseReads;
        if (informative < options.MinimumInformativeReads)
        {
            return new StrandednessCall(Strandedness.Unstranded, StrandednessSource.AssumedUnstranded, 0, senseReads, antisenseReads,
                Invariant($"strandedness unknown, assumed unstranded: only {informative} reads fall on annotated genes (at least {options.MinimumInformativeReads} needed)"));
        }

        double senseFraction = (double)senseReads / informative;
        double antisenseFraction = (double)antisenseReads / informative;
        string split = Invariant($"{senseFraction:P1} of {informative} gene reads on the gene strand (-s 1), {antisenseFraction:P1} opposite (-s 2)");
        if (antisenseFraction >= options.StrandedFraction)
        {
            return new StrandednessCall(Strandedness.ReverselyStranded, StrandednessSource.Detected, antisenseFraction, senseReads, antisenseReads,
                $"reversely stranded (dUTP, featureCounts -s 2): {split}");
        }

        if (senseFraction >= options.StrandedFraction)
        {
            return new StrandednessCall(Strandedness.Stranded, StrandednessSource.Detected, senseFraction, senseReads, antisenseReads,
                $"stranded (featureCounts -s 1): {split}");
        }

        if (Math.Abs(senseFraction - 0.5) <= options.UnstrandedMargin)
        {
            return new StrandednessCall(Strandedness.Unstranded, StrandednessSource.Detected, 1 - Math.Abs(senseFraction - antisenseFraction),
                senseReads, antisenseReads, $"unstranded (featureCounts -s 0): {split}");
        }

        return new StrandednessCall(Strandedness.Unstranded, StrandednessSource.AssumedUnstranded, 0, senseReads, antisenseReads,
            $"strandedness unclear, assumed unstranded: {split}");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
