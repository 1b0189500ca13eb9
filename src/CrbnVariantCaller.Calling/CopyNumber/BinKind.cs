namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>What a copy-number bin measures, which decides the bins it is normalised against.</summary>
public enum BinKind
{
    /// <summary>A capture target or a CRBN exon window: mean per-base depth from the coverage kernel.</summary>
    Target,

    /// <summary>A panel's off-target bin: reads outside the capture, counted by start position (CNVkit's antitarget).</summary>
    Antitarget,

    /// <summary>A whole-genome bin (no capture): reads counted by start position.</summary>
    Genome,
}
