namespace CrbnVariantCaller.Reporting.Output;

/// <summary>The files written for one sample (absolute paths).</summary>
/// <param name="Vcf"><c>ID.vcf.gz</c>, or <c>ID.vcf</c> with <see cref="ReportWriteOptions.PlainVcf"/>.</param>
/// <param name="TabixIndex"><c>ID.vcf.gz.tbi</c>; null for a plain VCF.</param>
/// <param name="Json"><c>ID.report.json</c>.</param>
/// <param name="Html"><c>ID.report.html</c>.</param>
public sealed record ReportFiles(string Vcf, string? TabixIndex, string Json, string Html);
