using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Cli.Tests;

/// <summary>Runs the built <c>crbn</c> executable (copied next to the tests) as a user would.</summary>
internal static class CrbnProcess
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "crbn.dll");

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) =>
        ExternalTool.TryRun("dotnet", [Dll, .. args]);
}
