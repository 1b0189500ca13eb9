using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>
/// <c>--chunk-reads</c> bounds the decoded reads held at once; the report must not depend on it. The 2000x deep panel
/// with its normal and the 20% Δexon10 RNA sample are called with chunks of 20,000 reads (the tumour alone has 136,636
/// records over CRBN) and compared with the default run, the tool section and input paths aside.
/// </summary>
public sealed class ChunkedStreamingTests
{
    [Fact]
    public void Small_chunks_give_the_same_report_as_the_default()
    {
        string[] inputs =
        [
            "--dna", CrbnRun.TestData("dna/deep_panel/DEEP_TUMOR.bam"),
            "--normal", CrbnRun.TestData("dna/deep_panel/DEEP_NORMAL.bam"),
            "--rna", CrbnRun.TestData("rna/exon10_psi/RNA_PSI020.bam"),
        ];
        using CrbnRun whole = CrbnRun.Call(inputs);
        using CrbnRun chunked = CrbnRun.Call([.. inputs, "--chunk-reads", "20000"]);
        Assert.Equal(0, whole.ExitCode);
        Assert.Equal(0, chunked.ExitCode);
        Assert.Equal(ReportComparison.Comparable(whole.Report), ReportComparison.Comparable(chunked.Report));
        Assert.NotEmpty(whole.Report.GetProperty("variants").EnumerateArray());
    }

    [Fact]
    public void A_chunk_too_small_to_hold_a_template_is_bad_usage()
    {
        using CrbnRun run = CrbnRun.Call("--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam"), "--chunk-reads", "10");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--chunk-reads must be at least 1000", run.ErrorLine, StringComparison.Ordinal);
    }
}
