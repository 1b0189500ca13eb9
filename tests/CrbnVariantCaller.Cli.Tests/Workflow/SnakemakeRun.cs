using System.Diagnostics;
using System.Text;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Cli.Tests.Workflow;

/// <summary>Runs <c>workflow/Snakefile</c> with a config written for the test (absolute paths, the built crbn.dll).</summary>
internal static class SnakemakeRun
{
    public static string Snakefile => Path.Combine(RepoPaths.Root, "workflow", "Snakefile");

    public static string SlurmProfile => Path.Combine(RepoPaths.Root, "workflow", "profiles", "slurm");

    /// <summary>The config for the testdata sheet with <paramref name="outDir"/> as the output folder.</summary>
    public static string WriteConfig(string path, string outDir, string sheet = "", string extraYaml = "")
    {
        sheet = sheet.Length == 0 ? TestdataBatch.Sheet : sheet;
        string crbn = $"dotnet {Path.Combine(AppContext.BaseDirectory, "crbn.dll")}";
        StringBuilder yaml = new();
        yaml.Append("samples: \"").Append(sheet).Append("\"\n")
            .Append("reference: \"").Append(TestdataBatch.Reference).Append("\"\n")
            .Append("out: \"").Append(outDir).Append("\"\n")
            .Append("crbn: \"").Append(crbn).Append("\"\n")
            .Append("device: cpu\nthreads: 1\nmem_mb: 1000\nruntime: 10\npon_normals:\n");
        foreach (string bam in TestdataBatch.NormalBams)
        {
            yaml.Append("  - \"").Append(bam).Append("\"\n");
        }

        File.WriteAllText(path, yaml.Append(extraYaml).ToString());
        return path;
    }

    /// <summary>Runs snakemake in <paramref name="workDir"/> with <paramref name="args"/> and extra environment; returns exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string workDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        return Run("snakemake", workDir, environment, ["-s", Snakefile, "-d", workDir, .. args]);
    }

    public static (int ExitCode, string Output) Run(string tool, string workDir, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        Directory.CreateDirectory(workDir);
        ProcessStartInfo psi = new(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workDir };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach ((string key, string value) in environment)
        {
            psi.Environment[key] = value;
        }

        using Process p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {tool}");
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + err.GetAwaiter().GetResult());
    }
}
