namespace CrbnVariantCaller.Reporting.Output;

/// <summary>Choices for <see cref="ReportWriter.WriteAll"/>.</summary>
public sealed record ReportWriteOptions
{
    /// <summary>The defaults: bgzipped VCF with a tabix index.</summary>
    public static ReportWriteOptions Default { get; } = new();

    /// <summary>Write plain <c>ID.vcf</c> instead of <c>ID.vcf.gz</c> + <c>.tbi</c>.</summary>
    public bool PlainVcf { get; init; }
}
