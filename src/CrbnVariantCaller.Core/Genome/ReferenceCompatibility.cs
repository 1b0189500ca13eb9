namespace CrbnVariantCaller.Core.Genome;

/// <summary>Checks that a reference FASTA is the one a BAM was aligned to, contig by contig.</summary>
public static class ReferenceCompatibility
{
    /// <summary>
    /// Compares the BAM header's contigs with the reference's. A BAM contig matches a reference contig of the same
    /// name, or failing that the same primary chromosome under the other naming style (<c>chr3</c> and <c>3</c>).
    /// </summary>
    public static ReferenceCompatibilityReport Compare(IReadOnlyList<ContigInfo> bamContigs, IReadOnlyList<ContigInfo> referenceContigs)
    {
        ArgumentNullException.ThrowIfNull(bamContigs);
        ArgumentNullException.ThrowIfNull(referenceContigs);

        Dictionary<string, long> referenceLengths = new(StringComparer.Ordinal);
        Dictionary<string, string> primaryByCanonical = new(StringComparer.Ordinal);
        foreach (ContigInfo c in referenceContigs)
        {
            referenceLengths.TryAdd(c.Name, c.Length);
            if (ContigNames.TryGetCanonical(c.Name, out string? canonical))
            {
                primaryByCanonical.TryAdd(canonical, c.Name);
            }
        }

        List<ContigMismatch> mismatches = [];
        Dictionary<string, string> names = new(StringComparer.Ordinal);
        foreach (ContigInfo bam in bamContigs)
        {
            string? refName = referenceLengths.ContainsKey(bam.Name)
                ? bam.Name
                : ContigNames.TryGetCanonical(bam.Name, out string? canonical) ? primaryByCanonical.GetValueOrDefault(canonical) : null;
            if (refName is null)
            {
                mismatches.Add(new ContigMismatch(bam.Name, bam.Length, null, null, ContigMismatchKind.MissingFromReference));
                continue;
            }

            long refLength = referenceLengths[refName];
            if (refLength != bam.Length)
            {
                mismatches.Add(new ContigMismatch(bam.Name, bam.Length, refName, refLength, ContigMismatchKind.LengthDiffers));
                continue;
            }

            names[bam.Name] = refName;
        }

        return new ReferenceCompatibilityReport(
            mismatches,
            names,
            GenomeBuildDetector.Detect(bamContigs),
            GenomeBuildDetector.Detect(referenceContigs));
    }
}
