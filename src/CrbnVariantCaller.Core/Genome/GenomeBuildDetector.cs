using System.Globalization;

namespace CrbnVariantCaller.Core.Genome;

/// <summary>
/// Tells GRCh37 from GRCh38 by the lengths of the primary chromosomes listed in a BAM header or a FASTA index.
/// Every primary chromosome whose length equals one build's and not the other's is a vote; the mitochondrion
/// (16,569 bp in both) is neutral, except hg19's 16,571-bp chrM, which votes GRCh37, as does an <c>hs37d5</c> decoy.
/// When both builds get votes the result is <see cref="GenomeBuild.Unknown"/>: a mixed header is not to be trusted.
/// </summary>
public static class GenomeBuildDetector
{
    /// <summary>Detects the build of a list of contigs.</summary>
    public static GenomeBuildDetection Detect(IEnumerable<ContigInfo> contigs)
    {
        ArgumentNullException.ThrowIfNull(contigs);
        List<BuildEvidence> evidence = [];
        List<string> names = [];
        foreach (ContigInfo contig in contigs)
        {
            names.Add(contig.Name);
            if (string.Equals(contig.Name, "hs37d5", StringComparison.Ordinal))
            {
                evidence.Add(new BuildEvidence(contig.Name, contig.Length, GenomeBuild.GRCh37, "hs37d5 decoy contig (1000 Genomes GRCh37)"));
                continue;
            }

            if (!ContigNames.TryGetCanonical(contig.Name, out string? canonical))
            {
                continue;
            }

            evidence.Add(Examine(contig, canonical));
        }

        int votes37 = evidence.Count(e => e.Supports == GenomeBuild.GRCh37);
        int votes38 = evidence.Count(e => e.Supports == GenomeBuild.GRCh38);
        GenomeBuild build = (votes37, votes38) switch
        {
            ( > 0, 0) => GenomeBuild.GRCh37,
            (0, > 0) => GenomeBuild.GRCh38,
            _ => GenomeBuild.Unknown,
        };

        return new GenomeBuildDetection { Build = build, Naming = ContigNames.DetectNaming(names), Evidence = evidence };
    }

    private static BuildEvidence Examine(ContigInfo contig, string canonical)
    {
        long in37 = ChromosomeLengths.GRCh37[canonical];
        long in38 = ChromosomeLengths.GRCh38[canonical];
        if (canonical == "MT" && contig.Length == ChromosomeLengths.Hg19ChrM)
        {
            return new BuildEvidence(contig.Name, contig.Length, GenomeBuild.GRCh37, "16,571 bp is hg19's chrM (NC_001807)");
        }

        if (in37 == in38)
        {
            string note = contig.Length == in37
                ? "same length in both builds (rCRS)"
                : Invariant($"{contig.Length:N0} bp matches neither build ({in37:N0} bp in both)");
            return new BuildEvidence(contig.Name, contig.Length, GenomeBuild.Unknown, note);
        }

        if (contig.Length == in38)
        {
            return new BuildEvidence(contig.Name, contig.Length, GenomeBuild.GRCh38, Invariant($"{contig.Length:N0} bp is the GRCh38 length"));
        }

        if (contig.Length == in37)
        {
            return new BuildEvidence(contig.Name, contig.Length, GenomeBuild.GRCh37, Invariant($"{contig.Length:N0} bp is the GRCh37 length"));
        }

        return new BuildEvidence(
            contig.Name,
            contig.Length,
            GenomeBuild.Unknown,
            Invariant($"{contig.Length:N0} bp matches neither GRCh37 ({in37:N0}) nor GRCh38 ({in38:N0})"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
