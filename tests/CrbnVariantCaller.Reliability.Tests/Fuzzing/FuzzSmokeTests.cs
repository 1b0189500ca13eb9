using CrbnVariantCaller.Fuzz.Engine;
using CrbnVariantCaller.Fuzz.Targets;
using Xunit;

namespace CrbnVariantCaller.Reliability.Tests.Fuzzing;

/// <summary>
/// The CI smoke run of <c>bench/fuzz</c>: 2,000 fixed cases over every reader, in process. It must find nothing, and it
/// must reach the parsers (a fuzzer whose inputs all die at the first check proves nothing).
/// </summary>
public sealed class FuzzSmokeTests
{
    [Fact]
    public void TwoThousandFixedCasesOverEveryReaderFindNothing()
    {
        IReadOnlyList<IFuzzTarget> targets = AllTargets.Create();
        string repro = Path.Combine(Path.GetTempPath(), $"crbn-fuzz-smoke-{Guid.NewGuid():N}");
        FuzzResult result = new FuzzRunner(targets, new FuzzOptions { Cases = 2_000, Seed = 1, ReproducerFolder = repro }).Run();

        Assert.True(result.Clean, string.Join("\n", result.Findings.Select(f => $"{f.Kind} {f.Target} case {f.CaseNumber} ({f.ReproducerPath}): {f.Detail}")));
        Assert.Equal(2_000, result.TotalCases);
        Assert.Equal(targets.Count, result.Counts.Count);
        foreach ((string name, TargetCounts c) in result.Counts)
        {
            Assert.True(c.Rejected > 0, $"{name}: no mutated input was rejected, so the mutations do not reach the reader");
        }

        // Payload mutations reach the record parser, past the CRC check: BAM-level errors, not only BGZF ones.
        Assert.Contains("BamFormatException", result.Counts["bam-payload"].RejectionsByType.Keys);
        Assert.True(result.Counts["bam-payload"].Accepted > 0, "no mutated BAM was readable: the recompression is broken");
    }

    [Fact]
    public void ACaseIsAPureFunctionOfSeedTargetAndNumber()
    {
        IFuzzTarget bam = AllTargets.Create().Single(t => t.Name == "bam-payload");
        byte[] a = bam.Mutate(FuzzRunner.CaseRandom(7, bam.Name, 123))["case.bam"];
        byte[] b = bam.Mutate(FuzzRunner.CaseRandom(7, bam.Name, 123))["case.bam"];
        byte[] c = bam.Mutate(FuzzRunner.CaseRandom(7, bam.Name, 124))["case.bam"];
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
