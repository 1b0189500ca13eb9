using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;

namespace CrbnVariantCaller.Calling.Germline;

/// <summary>
/// The configurable table of germline SNPs to type. The built-in table holds the lenalidomide-maintenance PGx
/// candidates of <c>CRBN.md</c> §3 (ABCB1, VEGFA) on GRCh38; which SNPs the underlying study typed is unconfirmed,
/// so users can replace the table with their own (<see cref="GermlineSiteTableReader"/>).
/// </summary>
public sealed class GermlineSiteTable
{
    /// <summary>Creates a table.</summary>
    /// <param name="build">The build the positions refer to.</param>
    /// <param name="sites">The sites.</param>
    /// <param name="source">Where the table came from (a file name or <c>built-in</c>).</param>
    public GermlineSiteTable(GenomeBuild build, IEnumerable<GermlineSite> sites, string source)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentException.ThrowIfNullOrEmpty(source);
        Build = build;
        Sites = sites.ToArray();
        Source = source;
    }

    /// <summary>The build of the positions.</summary>
    public GenomeBuild Build { get; }

    /// <summary>The sites, in table order.</summary>
    public IReadOnlyList<GermlineSite> Sites { get; }

    /// <summary>Where the table came from.</summary>
    public string Source { get; }

    /// <summary>
    /// The built-in PGx candidates on GRCh38 (CRBN.md §3): ABCB1 rs1045642 (c.3435C>T in the studies' naming; the GRCh38
    /// reference is the c.3435T allele), rs2032582 (c.2677G>T/A,
    /// multi-allelic), rs1128503 (c.1236C>T); VEGFA rs699947 (−2578C>A), rs2010963 (−634G>C). ABCB1 is on the minus
    /// strand, so its alleles are given here complemented to the forward strand.
    /// </summary>
    public static GermlineSiteTable PharmacogenomicGrch38 { get; } = new(
        GenomeBuild.GRCh38,
        [
            new GermlineSite("rs1045642", "ABCB1", "chr7", new Position(87_509_329), 'A', ['G'], "ABCB1 c.3435C>T (minus strand); the GRCh38 reference A is the c.3435T allele", "c.3435C>T", NotationOnMinusStrand: true),
            new GermlineSite("rs2032582", "ABCB1", "chr7", new Position(87_531_302), 'C', ['A', 'T'], "ABCB1 c.2677G>T/A (minus strand)", "c.2677G>T/A", NotationOnMinusStrand: true),
            new GermlineSite("rs1128503", "ABCB1", "chr7", new Position(87_550_285), 'G', ['A'], "ABCB1 c.1236C>T (minus strand)", "c.1236C>T", NotationOnMinusStrand: true),
            new GermlineSite("rs699947", "VEGFA", "chr6", new Position(43_768_652), 'C', ['A'], "VEGFA -2578C>A", "-2578C>A"),
            new GermlineSite("rs2010963", "VEGFA", "chr6", new Position(43_770_613), 'G', ['C'], "VEGFA -634G>C", "-634G>C"),
        ],
        "built-in (CRBN.md section 3, GRCh38)");

    /// <summary>
    /// The built-in table for <paramref name="build"/>, or null with the reason when none is known. GRCh37 positions of
    /// these SNPs are not in the project's facts (the documented liftover covers the CRBN region only), so on GRCh37
    /// users must supply a table.
    /// </summary>
    public static GermlineSiteTable? BuiltInFor(GenomeBuild build, out string? reason)
    {
        if (build == GenomeBuild.GRCh38)
        {
            reason = null;
            return PharmacogenomicGrch38;
        }

        reason = build == GenomeBuild.GRCh37
            ? "no built-in GRCh37 positions for the PGx SNPs (no documented liftover for chr6/chr7 here); supply a site table"
            : "the genome build is unknown, so the built-in GRCh38 positions cannot be trusted; supply a site table";
        return null;
    }
}
