using System.Globalization;
using System.Text;
using CrbnVariantCaller.Fuzz.Engine;
using CrbnVariantCaller.Fuzz.Targets;

namespace CrbnVariantCaller.Fuzz;

/// <summary>
/// <c>crbn-fuzz [--cases N] [--seed S] [--target NAME,...] [--repro DIR] [--time-limit-ms MS] [--alloc-limit-mb MB]
/// [--tsv FILE]</c>, <c>--replay DIR --target NAME</c>, or <c>--write-case DIR --target NAME --seed S --case N</c>. Exit 0 when no case crashed, hung or breached memory.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var a = new Args(args);
        IReadOnlyList<IFuzzTarget> targets = AllTargets.Create();
        var options = new FuzzOptions
        {
            Cases = a.Long("--cases", 2_000),
            Seed = (int)a.Long("--seed", 1),
            Targets = a.Text("--target")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            ReproducerFolder = a.Text("--repro") ?? "fuzz-findings",
            CaseTimeLimit = TimeSpan.FromMilliseconds(a.Long("--time-limit-ms", 5_000)),
            CaseAllocationLimit = a.Long("--alloc-limit-mb", 64) << 20,
            ProgressEvery = a.Long("--progress", 100_000),
        };

        if (a.Text("--write-case") is { } caseFolder)
        {
            // Regenerates one case's input from (seed, target, case number), e.g. to keep a fixed finding as a regression.
            IFuzzTarget target = targets.Single(t => t.Name == options.Targets.Single());
            target.Mutate(FuzzRunner.CaseRandom(options.Seed, target.Name, a.Long("--case", 0))).SaveTo(caseFolder);
            return 0;
        }

        if (a.Text("--replay") is { } replay)
        {
            IFuzzTarget target = targets.Single(t => t.Name == options.Targets.Single());
            (FindingKind? kind, Exception? error) = FuzzRunner.Replay(target, FuzzInput.LoadFrom(replay), options);
            Console.WriteLine(kind is null ? $"passes: {error?.GetType().Name ?? "accepted"}: {error?.Message}" : $"{kind}: {error}");
            return kind is null ? 0 : 1;
        }

        Console.Error.WriteLine($"crbn-fuzz: {options.Cases:N0} cases, seed {options.Seed}, targets: {string.Join(' ', targets.Select(t => t.Name))}");
        FuzzResult result = new FuzzRunner(targets, options, Console.Error).Run();
        string table = Table(result);
        Console.WriteLine(table);
        if (a.Text("--tsv") is { } tsv)
        {
            File.WriteAllText(tsv, table);
        }

        foreach (FuzzFinding f in result.Findings)
        {
            Console.WriteLine($"{f.Kind}\t{f.Target}\tcase {f.CaseNumber}\t{f.ReproducerPath}\t{f.Detail.Split('\n')[0]}");
        }

        return result.Clean ? 0 : 1;
    }

    private static string Table(FuzzResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("target\tcases\taccepted\trejected_typed\tcrashes\thangs\tmemory_breaches\tmax_case_alloc_kb\tmax_case_ms\ttop_rejections");
        foreach ((string name, TargetCounts c) in r.Counts)
        {
            string top = string.Join(' ', c.RejectionsByType.OrderByDescending(kv => kv.Value).Take(3).Select(kv => $"{kv.Key}={kv.Value}"));
            sb.AppendLine(CultureInfo.InvariantCulture, $"{name}\t{c.Cases}\t{c.Accepted}\t{c.Rejected}\t{c.Crashes}\t{c.Hangs}\t{c.MemoryBreaches}\t{c.MaxCaseAllocation / 1024}\t{c.MaxCaseTime.TotalMilliseconds:0}\t{top}");
        }

        long crashes = r.Counts.Values.Sum(c => c.Crashes), hangs = r.Counts.Values.Sum(c => c.Hangs), mem = r.Counts.Values.Sum(c => c.MemoryBreaches);
        sb.Append(CultureInfo.InvariantCulture, $"TOTAL\t{r.TotalCases}\t{r.Counts.Values.Sum(c => c.Accepted)}\t{r.Counts.Values.Sum(c => c.Rejected)}\t{crashes}\t{hangs}\t{mem}\t\t\telapsed {r.Elapsed.TotalSeconds:0} s");
        return sb.ToString();
    }

    private sealed class Args(string[] args)
    {
        public string? Text(string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        public long Long(string name, long fallback) =>
            Text(name) is { } s ? long.Parse(s.Replace("_", string.Empty), CultureInfo.InvariantCulture) : fallback;
    }
}
