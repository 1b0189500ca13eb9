using Xunit;

namespace CrbnVariantCaller.Reliability.Tests.Runs;

/// <summary>SIGINT and SIGTERM stop <c>crbn batch</c> with one line on stderr, no temporary file, exit 130 or 143, and only whole outputs.</summary>
public sealed class SignalTests : IDisposable
{
    private readonly BatchFixture _batch = new(samples: 24);

    public void Dispose() => _batch.Dispose();

    [Theory]
    [InlineData("INT", 130, "SIGINT")]
    [InlineData("TERM", 143, "SIGTERM")]
    public void SignalMidBatchExitsCleanly(string signal, int expectedExit, string name)
    {
        string outDir = _batch.NewOutDir(signal);
        using CrbnChild child = CrbnChild.Start(_batch.BatchArgs(outDir));
        Assert.True(child.WaitForStderr("[3/24]", TimeSpan.FromSeconds(60)), child.Stderr);
        Assert.False(signal == "INT" && SigintIgnored(child.Pid), "crbn was started with SIGINT ignored (python3 resets it; is python3 on PATH?)");
        child.Signal(signal);
        int code = child.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(code == expectedExit, $"exit {code}\n{child.Stderr}");
        string[] interrupted = child.Stderr.Split('\n').Where(l => l.Contains("interrupted", StringComparison.Ordinal)).ToArray();
        string line = Assert.Single(interrupted);
        Assert.StartsWith($"crbn batch: interrupted by {name}; ", line, StringComparison.Ordinal);
        Assert.Empty(OutputChecks.TemporaryFiles(outDir));
        Assert.True(OutputChecks.AssertAllWhole(outDir) >= 4, "no sample had finished before the signal");
        Assert.False(File.Exists(Path.Combine(outDir, "summary.tsv")), "the batch finished before the signal");
    }

    private static bool SigintIgnored(int pid)
    {
        string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line[7..].Trim(), 16) & 2) != 0;
    }
}
