namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Tumour purity and the CRBN segment's integer copies (<c>copy_number.crbn.purity</c>).</summary>
public sealed record CopyNumberPurity
{
    /// <summary>Purity used (0–1); null when unknown.</summary>
    public double? Value { get; init; }

    /// <summary><c>given</c> (--purity), <c>estimated</c> (BAF and depth ratio together) or <c>unknown</c>.</summary>
    public string Source { get; init; } = "unknown";

    /// <summary>Integer tumour copies of the CRBN segment at this purity; null without a purity.</summary>
    public int? Copies { get; init; }

    /// <summary>Copies of the minor allele (known only with BAF).</summary>
    public int? MinorCopies { get; init; }

    /// <summary>Posterior probability of <see cref="Copies"/> among the states considered.</summary>
    public double? Confidence { get; init; }

    /// <summary>Why no purity was estimated (for example a balanced sample whose BAF identifies none); null when one was.</summary>
    public string? Reason { get; init; }
}
