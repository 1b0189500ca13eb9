using System.Text.RegularExpressions;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Cli.Tests.Workflow;

/// <summary>
/// <c>workflow/Snakefile</c> on the testdata sheet, run by Snakemake with the local executor and again on a real
/// single-node Slurm with accounting started for the test (<c>workflow/test/slurm/</c>): both must write what
/// <c>crbn batch</c> writes, and <c>sacct</c> must list every rule's job with its resources.
/// Starting Slurm is part of the test: when it fails the test fails, saying why.
/// </summary>
public sealed partial class WorkflowTests(TestdataBatch batch, ITestOutputHelper output) : IClassFixture<TestdataBatch>
{
    /// <summary>The jobs of the testdata sheet: the panel of normals, 13 calls, batch percentiles and the summary.</summary>
    private static readonly Dictionary<string, int> JobsPerRule = new(StringComparer.Ordinal)
    {
        ["panel_of_normals"] = 1, ["call"] = 13, ["batch_percentiles"] = 1, ["summary"] = 1,
    };

    [ToolFact("snakemake")]
    public void Local_executor_writes_the_reports_and_summary_of_crbn_batch()
    {
        string work = Path.Combine(batch.Root, "local");
        string outDir = Path.Combine(work, "out");
        string config = SnakemakeRun.WriteConfig(Path.Combine(batch.Root, "local.yaml"), outDir);

        var (exit, log) = SnakemakeRun.Run(work, new Dictionary<string, string>(), "--configfile", config, "--cores", "2");
        output.WriteLine(log);

        Assert.True(exit == 0, $"snakemake exited {exit}:\n{log}");
        Assert.Equal(JobsPerRule, RuleCounts(log));
        SameReports.Assert(batch, outDir);

        // Run again: everything is up to date, so no rule runs and the reports are not rewritten.
        DateTime written = File.GetLastWriteTimeUtc(Path.Combine(outDir, "RNA_PSI020.report.json"));
        (exit, log) = SnakemakeRun.Run(work, new Dictionary<string, string>(), "--configfile", config, "--cores", "2");
        Assert.True(exit == 0, log);
        Assert.Contains("Nothing to be done", log, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(outDir, "RNA_PSI020.report.json")));
    }

    [ToolFact("snakemake")]
    public void Gpu_is_declared_only_when_asked_for_and_a_bad_sheet_stops_before_any_job()
    {
        string work = Path.Combine(batch.Root, "dry");
        string config = SnakemakeRun.WriteConfig(Path.Combine(batch.Root, "gpu.yaml"), Path.Combine(work, "out"), extraYaml: "gpus: 1\n");
        var (exit, log) = SnakemakeRun.Run(work, new Dictionary<string, string>(), "--configfile", config, "--cores", "2", "--dry-run");
        Assert.True(exit == 0, log);
        string[] resources = log.Split('\n').Where(l => l.TrimStart().StartsWith("resources:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(13, resources.Count(l => l.Contains("gpu=1, slurm_extra='--gres=gpu:1'", StringComparison.Ordinal)));

        config = SnakemakeRun.WriteConfig(Path.Combine(batch.Root, "cpu.yaml"), Path.Combine(work, "out"));
        (exit, log) = SnakemakeRun.Run(work, new Dictionary<string, string>(), "--configfile", config, "--cores", "2", "--dry-run");
        Assert.True(exit == 0, log);
        Assert.DoesNotContain("gpu=", log, StringComparison.Ordinal);

        string sheet = Path.Combine(batch.Root, "duplicate.csv");
        File.WriteAllLines(sheet, ["sample,dna", "A,a.bam", "A,b.bam"]);
        config = SnakemakeRun.WriteConfig(Path.Combine(batch.Root, "bad.yaml"), Path.Combine(work, "bad-out"), sheet);
        (exit, log) = SnakemakeRun.Run(work, new Dictionary<string, string>(), "--configfile", config, "--cores", "2");
        Assert.NotEqual(0, exit);
        Assert.Contains($"crbn sheet: {sheet}: line 3: sample 'A' is already on line 2", log, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work, "bad-out")));
    }

    [ToolFact("snakemake")]
    public void Slurm_profile_submits_every_rule_as_a_job_and_writes_the_reports_and_summary_of_crbn_batch()
    {
        string slurmDir = Path.Combine(batch.Root, "slurm");
        string scripts = Path.Combine(RepoPaths.Root, "workflow", "test", "slurm");
        var (started, why) = SnakemakeRun.Run("bash", batch.Root, new Dictionary<string, string>(), [Path.Combine(scripts, "start-slurm.sh"), slurmDir]);
        try
        {
            Assert.True(started == 0, $"could not start the single-node Slurm for this test (workflow/test/slurm/start-slurm.sh):\n{why}");
            var environment = new Dictionary<string, string>
            {
                ["SLURM_CONF"] = Path.Combine(slurmDir, "slurm.conf"),
                ["USER"] = Environment.GetEnvironmentVariable("USER") ?? "root",
            };
            string work = Path.Combine(batch.Root, "slurm-run");
            string outDir = Path.Combine(work, "out");
            string config = SnakemakeRun.WriteConfig(Path.Combine(batch.Root, "slurm.yaml"), outDir);

            // One status query a second (Snakemake's Slurm default is one per 33 s, meant for busy clusters).
            var (exit, log) = SnakemakeRun.Run(
                work, environment, "--configfile", config, "--profile", SnakemakeRun.SlurmProfile, "--max-status-checks-per-second", "1");
            output.WriteLine(log);
            Assert.True(exit == 0, $"snakemake --profile workflow/profiles/slurm exited {exit}:\n{log}\n{Tail(Path.Combine(slurmDir, "slurmctld.log"))}");

            // Every rule went through sbatch, and Slurm's accounting (sacct) has each as a completed job with the rule's resources.
            Assert.Equal(JobsPerRule.Values.Sum(), SubmittedJobs().Matches(log).Count);
            string[] jobs = Accounting(environment, JobsPerRule.Values.Sum());
            foreach (string line in jobs)
            {
                output.WriteLine(line);
            }

            Assert.Equal(JobsPerRule, jobs.Select(j => JobRule().Match(j).Groups[1].Value).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
            Assert.All(jobs, j => Assert.Matches(@"^\d+\|snakejob_[a-z_]+_\d+\|COMPLETED\|1\|1000M\|00:10:00\|", j));
            SameReports.Assert(batch, outDir);
        }
        finally
        {
            SnakemakeRun.Run("bash", batch.Root, new Dictionary<string, string>(), [Path.Combine(scripts, "stop-slurm.sh"), slurmDir]);
        }
    }

    /// <summary>The job allocations sacct lists (steps left out), once all <paramref name="expected"/> have reached slurmdbd.</summary>
    private static string[] Accounting(IReadOnlyDictionary<string, string> environment, int expected)
    {
        string[] jobs = [];
        for (int attempt = 0; attempt < 60; attempt++)
        {
            var (exit, text) = SnakemakeRun.Run("sacct", Path.GetTempPath(), environment, ["-P", "-n", "-X", "--format=JobID,JobName,State,AllocCPUS,ReqMem,Timelimit,Elapsed,ExitCode"]);
            Assert.True(exit == 0, $"sacct failed: {text}");
            jobs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (jobs.Length >= expected && jobs.All(j => j.Contains("|COMPLETED|", StringComparison.Ordinal)))
            {
                break;
            }

            Thread.Sleep(500);
        }

        return jobs;
    }

    private static Dictionary<string, int> RuleCounts(string log) =>
        LocalRule().Matches(log).Select(m => m.Groups[1].Value).Where(r => r != "all")
            .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string Tail(string path) => File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(20)) : $"{path}: absent";

    [GeneratedRegex(@"^(?:local)?rule (\w+):$", RegexOptions.Multiline)]
    private static partial Regex LocalRule();

    [GeneratedRegex(@"has been submitted with SLURM jobid \d+")]
    private static partial Regex SubmittedJobs();

    [GeneratedRegex(@"^\d+\|snakejob_([a-z_]+?)_\d+\|")]
    private static partial Regex JobRule();
}
