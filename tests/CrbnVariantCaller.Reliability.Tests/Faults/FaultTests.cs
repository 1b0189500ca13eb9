using System.Diagnostics;
using CrbnVariantCaller.Reliability.Tests.Runs;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Reliability.Tests.Faults;

/// <summary>
/// Faults around the inputs and the output folder: a full disk, two runs into one <c>--out</c>, a FIFO, a directory or
/// <c>/dev/zero</c> given as an input, a 0-byte index, an index older than its BAM. Each ends in one line naming the
/// path and a distinct exit code, with no partial output and no hang.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private static readonly string Bam = Path.Combine(RepoPaths.TestData, "dna", "wgs_negative", "WGS_NEG.bam");
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-fault-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [TmpfsFact]
    public void FullDiskFailsInOneLineAndLeavesNoFile()
    {
        string mount = Path.Combine(_dir, "small");
        Directory.CreateDirectory(mount);
        Assert.Null(Tmpfs.Mount(mount, "80k")); // the VCF and index fit, the HTML and JSON do not
        try
        {
            string outDir = Path.Combine(mount, "out");
            var (code, _, stderr) = CrbnChild.Run("call", "--dna", Bam, "--reference", BatchFixture.Reference, "--out", outDir);

            Assert.True(code == 1, $"exit {code}\n{stderr}");
            string line = Assert.Single(ErrorLines(stderr));
            Assert.StartsWith("crbn call: cannot write the outputs: No space left on device", line, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(outDir));
        }
        finally
        {
            Tmpfs.Unmount(mount);
        }
    }

    [Fact]
    public void ASecondRunIntoTheSameOutIsRefusedAndTheFirstFinishesWhole()
    {
        using var batch = new BatchFixture(samples: 24);
        string outDir = batch.NewOutDir("shared");
        using CrbnChild first = CrbnChild.Start(batch.BatchArgs(outDir));
        Assert.True(first.WaitForStderr("[2/24]", TimeSpan.FromSeconds(60)), first.Stderr);

        // Paused (SIGSTOP) mid-batch, the first run still holds the lock however fast the machine would have finished it.
        first.Signal("STOP");
        (int ExitCode, string Stdout, string Stderr) second;
        try
        {
            Assert.False(first.HasExited, "the batch finished before it could be paused");
            second = CrbnChild.Run("call", "--dna", Bam, "--reference", BatchFixture.Reference, "--out", outDir, "--sample", "W1");
        }
        finally
        {
            first.Signal("CONT");
        }

        Assert.True(second.ExitCode == 2, $"exit {second.ExitCode}\n{second.Stderr}");
        string line = Assert.Single(ErrorLines(second.Stderr));
        Assert.Equal($"crbn call: {outDir}: another crbn run is writing into this output folder (it holds the folder's lock); wait for it to finish or choose another --out", line);

        Assert.Equal(0, first.WaitForExit(TimeSpan.FromMinutes(2)));
        OutputChecks.AssertBatchComplete(outDir, batch.Ids, batch.SampleCount);

        // The lock goes with the process: the next run proceeds.
        var resumed = CrbnChild.Run(batch.BatchArgs(outDir, "--resume"));
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
    }

    public static TheoryData<string, string> SpecialInputs() => new()
    {
        { "--dna", "fifo" },
        { "--dna", "directory" },
        { "--dna", "/dev/zero" },
        { "--rna", "fifo" },
        { "--reference", "/dev/zero" },
        { "--reference", "directory" },
        { "--annotation", "fifo" },
        { "--expression", "/dev/zero" },
    };

    [Theory]
    [MemberData(nameof(SpecialInputs))]
    public void AFifoADirectoryOrADeviceAsAnInputIsExit2NamingIt(string option, string kind)
    {
        string path = Special(kind);
        List<string> args = ["call", "--reference", BatchFixture.Reference, "--out", Path.Combine(_dir, "out"), option, path];
        if (option is not "--dna" and not "--rna")
        {
            args.AddRange(option == "--expression" ? ["--dna", Bam] : ["--dna", Bam]);
        }

        if (option == "--reference")
        {
            args.RemoveRange(1, 2);
        }

        var clock = Stopwatch.StartNew();
        var (code, _, stderr) = CrbnChild.Run([.. args]);

        Assert.True(code == 2, $"exit {code}\n{stderr}");
        string line = Assert.Single(ErrorLines(stderr));
        Assert.StartsWith($"crbn call: {path}: is a ", line, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")) && Directory.EnumerateFileSystemEntries(Path.Combine(_dir, "out")).Any());
    }

    [Fact]
    public void SampleSheetAsDeviceOrFifoIsExit2AndAFifoInASheetFailsOnlyItsSample()
    {
        var dev = CrbnChild.Run("batch", "--samples", "/dev/zero", "--reference", BatchFixture.Reference, "--out", Path.Combine(_dir, "b1"));
        Assert.Equal(2, dev.ExitCode);
        Assert.Equal("crbn batch: /dev/zero: is a device, not a regular file", Assert.Single(ErrorLines(dev.Stderr)));

        string fifo = Special("fifo");
        string sheet = Path.Combine(_dir, "sheet.csv");
        File.WriteAllLines(sheet, ["sample,dna", $"GOOD,{Bam}", $"PIPE,{fifo}"]);
        var batch = CrbnChild.Run("batch", "--samples", sheet, "--reference", BatchFixture.Reference, "--out", Path.Combine(_dir, "b2"));
        Assert.True(batch.ExitCode == 3, $"exit {batch.ExitCode}\n{batch.Stderr}");
        Assert.Contains($"{fifo}: is a named pipe (FIFO)", File.ReadAllText(Path.Combine(_dir, "b2", "summary.tsv")), StringComparison.Ordinal);
    }

    [Fact]
    public void AZeroByteIndexIsExit2NamingIt()
    {
        string bam = CopyBam("empty_index");
        File.WriteAllBytes(bam + ".bai", []);
        var (code, _, stderr) = CrbnChild.Run("call", "--dna", bam, "--reference", BatchFixture.Reference, "--out", Path.Combine(_dir, "out"));
        Assert.True(code == 2, stderr);
        Assert.Equal($"crbn call: {bam}.bai: the index is empty (0 bytes), probably from an interrupted 'samtools index'; re-run it", Assert.Single(ErrorLines(stderr)));
    }

    [Fact]
    public void AnIndexOlderThanItsBamIsExit2NamingIt()
    {
        string bam = CopyBam("old_index");
        File.Copy(Bam + ".bai", bam + ".bai");
        File.SetLastWriteTimeUtc(bam + ".bai", DateTime.UtcNow.AddDays(-3));
        var (code, _, stderr) = CrbnChild.Run("call", "--dna", bam, "--reference", BatchFixture.Reference, "--out", Path.Combine(_dir, "out"));
        Assert.True(code == 2, stderr);
        Assert.Equal($"crbn call: {bam}.bai: index is older than the BAM file {bam}; re-run 'samtools index'", Assert.Single(ErrorLines(stderr)));
    }

    /// <summary>Lines that are not log lines (log lines start with a time stamp).</summary>
    internal static string[] ErrorLines(string stderr) =>
        stderr.Split('\n').Where(l => l.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d\d:\d\d:\d\d ")).ToArray();

    private string CopyBam(string name)
    {
        string bam = Path.Combine(_dir, name + ".bam");
        File.Copy(Bam, bam);
        return bam;
    }

    private string Special(string kind)
    {
        switch (kind)
        {
            case "fifo":
                string fifo = Path.Combine(_dir, $"pipe{Guid.NewGuid():N}.bam");
                using (var p = Process.Start("mkfifo", [fifo]))
                {
                    p.WaitForExit();
                }

                return fifo;
            case "directory":
                return Directory.CreateDirectory(Path.Combine(_dir, $"dir{Guid.NewGuid():N}.bam")).FullName;
            default:
                return kind;
        }
    }
}
