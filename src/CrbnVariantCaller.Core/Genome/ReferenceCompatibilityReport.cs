namespace CrbnVariantCaller.Core.Genome;

/// <summary>
/// How the contigs of a BAM header line up with those of a reference FASTA index
/// (see <see cref="ReferenceCompatibility.Compare"/>).
/// </summary>
public sealed class ReferenceCompatibilityReport
{
    internal ReferenceCompatibilityReport(
        IReadOnlyList<ContigMismatch> mismatches,
        IReadOnlyDictionary<string, string> referenceNames,
        GenomeBuildDetection bamBuild,
        GenomeBuildDetection referenceBuild)
    {
        Mismatches = mismatches;
        ReferenceNames = referenceNames;
        BamBuild = bamBuild;
        ReferenceBuild = referenceBuild;
    }

    /// <summary>Every BAM contig the reference does not reproduce, in BAM header order.</summary>
    public IReadOnlyList<ContigMismatch> Mismatches { get; }

    /// <summary>
    /// For each BAM contig found in the reference with the same length, the reference's name for it
    /// (the same name, or the other naming style: <c>chr3</c> → <c>3</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> ReferenceNames { get; }

    /// <summary>The build detected from the BAM header.</summary>
    public GenomeBuildDetection BamBuild { get; }

    /// <summary>The build detected from the reference index.</summary>
    public GenomeBuildDetection ReferenceBuild { get; }

    /// <summary>True when every BAM contig is in the reference with the same length.</summary>
    public bool IsCompatible => Mismatches.Count == 0;

    /// <summary>
    /// Throws when the reference cannot serve the BAM. A length difference on any contig always throws (it means
    /// another assembly); a missing contig throws only when it is in <paramref name="contigsInUse"/> (all contigs when null),
    /// so that a reference without decoys still serves a BAM whose header lists them.
    /// </summary>
    /// <exception cref="ReferenceMismatchException">The reference does not match.</exception>
    public void ThrowIfIncompatible(string referencePath, IEnumerable<string>? contigsInUse = null)
    {
        ArgumentNullException.ThrowIfNull(referencePath);
        HashSet<string>? used = contigsInUse is null ? null : new HashSet<string>(contigsInUse, StringComparer.Ordinal);
        List<ContigMismatch> fatal = Mismatches
            .Where(m => m.Kind == ContigMismatchKind.LengthDiffers || used is null || used.Contains(m.BamContig))
            .ToList();
        if (fatal.Count == 0)
        {
            return;
        }

        // Report a length difference first: it is the clearest sign of a wrong assembly.
        ContigMismatch first = fatal.FirstOrDefault(m => m.Kind == ContigMismatchKind.LengthDiffers) ?? fatal[0];
        string? hint = BamBuild.Build != GenomeBuild.Unknown && ReferenceBuild.Build != GenomeBuild.Unknown && BamBuild.Build != ReferenceBuild.Build
            ? $"the BAM is {BamBuild.Build} but the reference is {ReferenceBuild.Build}"
            : null;
        throw new ReferenceMismatchException(referencePath, first, fatal.Count - 1, hint);
    }
}
