namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>What a splice junction is, relative to the annotated transcript.</summary>
public enum JunctionKind
{
    /// <summary>Joins two consecutive exons at their annotated boundaries (annotated intron N).</summary>
    AnnotatedIntron = 0,

    /// <summary>Joins annotated boundaries of non-consecutive exons: one or more whole exons are skipped.</summary>
    ExonSkip = 1,

    /// <summary>The acceptor is annotated, the donor is not (a shifted 5' splice site).</summary>
    AlternativeDonor = 2,

    /// <summary>The donor is annotated, the acceptor is not (a shifted 3' splice site).</summary>
    AlternativeAcceptor = 3,

    /// <summary>Neither end is an annotated splice site.</summary>
    Novel = 4,
}
