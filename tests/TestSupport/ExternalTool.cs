using System.Diagnostics;

namespace CrbnVariantCaller.TestSupport;

/// <summary>Runs peer tools (samtools, bcftools, featureCounts) used as oracles in tests.</summary>
internal static class ExternalTool
{
    public static bool IsOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>Runs a tool to completion and returns its standard output; throws when it exits non-zero.</summary>
    public static string Run(string tool, params string[] args)
    {
        (int code, string stdout, string stderr) = TryRun(tool, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {code}: {stderr}");
        }

        return stdout;
    }

    /// <summary>Runs a tool to completion in <paramref name="workingDirectory"/> and returns its standard output; throws when it exits non-zero.</summary>
    public static string RunIn(string workingDirectory, string tool, params string[] args)
    {
        (int code, string stdout, string stderr) = Execute(tool, args, workingDirectory);
        if (code != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} (in {workingDirectory}) exited {code}: {stderr}");
        }

        return stdout;
    }

    /// <summary>Runs a tool to completion and returns its exit code and both output streams.</summary>
    public static (int ExitCode, string Stdout, string Stderr) TryRun(string tool, params string[] args) => Execute(tool, args, null);

    private static (int ExitCode, string Stdout, string Stderr) Execute(string tool, string[] args, string? workingDirectory)
    {
        ProcessStartInfo psi = new(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {tool}");
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.GetAwaiter().GetResult());
    }
}
