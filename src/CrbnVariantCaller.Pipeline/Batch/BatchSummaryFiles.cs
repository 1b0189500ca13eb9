namespace CrbnVariantCaller.Pipeline.Batch;

/// <summary>The files <see cref="BatchSummary"/> wrote.</summary>
/// <param name="Tsv">Path of <c>summary.tsv</c>.</param>
/// <param name="Html">Path of <c>summary.html</c>.</param>
/// <param name="MultiQc">Path of <c>crbn_mqc.json</c> (MultiQC custom content).</param>
/// <param name="BatchPercentileSamples">Samples ranked against the batch (0 when the percentile pass did not run or ranked none).</param>
public sealed record BatchSummaryFiles(string Tsv, string Html, string MultiQc, int BatchPercentileSamples);
