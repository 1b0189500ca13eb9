using Xunit;

namespace CrbnVariantCaller.Cli.Tests;

public sealed class VersionAndHelpTests
{
    [Fact]
    public void VersionNamesToolAndRuntime()
    {
        (int code, string stdout, _) = CrbnProcess.Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^crbn \d+\.\d+\.\d+", stdout);
        Assert.Contains(".NET", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DevicesListsEveryBackendAndTheInflater()
    {
        (int code, string stdout, _) = CrbnProcess.Run("devices");
        Assert.Equal(0, code);
        Assert.Matches(@"BGZF inflate: (libdeflate|managed)", stdout);
        foreach (string backend in new[] { "cpu", "opencl", "cuda" })
        {
            Assert.Matches($"(?m)^{backend} +(available|unavailable)", stdout);
        }

        // ILGPU's CPU accelerator is always there (it needs no driver) and never what auto picks.
        Assert.Matches("(?m)^ilgpu-cpu +available", stdout);

        Assert.Matches(@"auto selects: (cpu|opencl|cuda)", stdout);
    }

    [Fact]
    public void HelpListsTheViewCommand()
    {
        (int code, string stdout, _) = CrbnProcess.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("view", stdout, StringComparison.Ordinal);
    }
}
