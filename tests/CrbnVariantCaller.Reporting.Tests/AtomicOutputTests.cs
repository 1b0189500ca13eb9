using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Reporting.Output;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

public sealed class AtomicOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AWriterThatThrowsMidwayLeavesNoFinalFileAndNoTemporaryFile()
    {
        string a = Path.Combine(_dir, "S.report.json"), b = Path.Combine(_dir, "S.report.html");
        AtomicFileSet set = new AtomicFileSet()
            .Add(a, s => s.Write("{\"complete\": true}"u8))
            .Add(b, s =>
            {
                s.Write(new byte[100_000]);
                throw new IOException("disk full (simulated)");
            });

        IOException e = Assert.Throws<IOException>(() => set.Commit());
        Assert.Equal("disk full (simulated)", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void AFailedRewriteKeepsThePreviousFilesIntact()
    {
        string a = Path.Combine(_dir, "S.vcf.gz");
        File.WriteAllText(a, "previous run");
        Assert.Throws<InvalidOperationException>(() => AtomicFileSet.Write(a, s =>
        {
            s.Write("half"u8);
            throw new InvalidOperationException("renderer bug");
        }));

        Assert.Equal("previous run", File.ReadAllText(a));
        Assert.Equal([a], Directory.GetFiles(_dir));
    }

    [Fact]
    public void ASuccessfulCommitReplacesTheTargetsAndLeavesNoTemporaryFile()
    {
        string a = Path.Combine(_dir, "sub", "x.txt");
        IReadOnlyList<string> written = new AtomicFileSet().Add(a, s => s.Write("new"u8)).Commit();
        Assert.Equal([a], written);
        Assert.Equal("new", File.ReadAllText(a));
        Assert.Equal([a], Directory.GetFiles(Path.Combine(_dir, "sub")));
    }

    [Fact]
    public void WhileWritingOnlyAHiddenTemporaryNameExists()
    {
        string target = Path.Combine(_dir, "S.report.json");
        string[]? seen = null;
        AtomicFileSet.Write(target, s =>
        {
            s.Write("x"u8);
            seen = Directory.GetFiles(_dir).Select(Path.GetFileName).ToArray()!;
        });

        Assert.NotNull(seen);
        string only = Assert.Single(seen);
        Assert.StartsWith(".S.report.json.", only);
        Assert.EndsWith(".tmp", only);
    }
}
