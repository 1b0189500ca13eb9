using System.Diagnostics;
using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Fuzz.Engine;

/// <summary>
/// Runs cases round-robin over the targets, in process, on one worker thread so that a case can be timed out.
/// A case passes when the reader accepts the input or rejects it with its typed exception, within the time and
/// allocation limits; anything else is a finding, saved as a reproducer. A hang ends the run (a thread cannot be
/// stopped), after its reproducer is saved.
/// </summary>
public sealed class FuzzRunner(IReadOnlyList<IFuzzTarget> targets, FuzzOptions options, TextWriter? log = null)
{
    /// <summary>The random source of one case: a pure function of the run seed, the target and the case number.</summary>
    public static Random CaseRandom(int seed, string target, long caseNumber)
    {
        ulong h = 1469598103934665603UL;
        foreach (char c in target)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        ulong z = h ^ ((ulong)(uint)seed << 32) ^ (ulong)caseNumber;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return new Random((int)(z ^ (z >> 31)));
    }

    public FuzzResult Run()
    {
        List<IFuzzTarget> selected = options.Targets.Count == 0
            ? targets.ToList()
            : targets.Where(t => options.Targets.Contains(t.Name)).ToList();
        if (selected.Count == 0)
        {
            throw new ArgumentException($"no targets match {string.Join(',', options.Targets)}");
        }

        var counts = selected.ToDictionary(t => t.Name, _ => new TargetCounts(), StringComparer.Ordinal);
        var findings = new List<FuzzFinding>();
        var clock = Stopwatch.StartNew();
        using var workspace = new FuzzWorkspace();
        using var worker = new CaseWorker(workspace);
        for (long i = 0; i < options.Cases && findings.Count < options.MaxFindings; i++)
        {
            IFuzzTarget target = selected[(int)(i % selected.Count)];
            long caseNumber = i / selected.Count;
            TargetCounts c = counts[target.Name];
            c.Cases++;
            FuzzInput input = target.Mutate(CaseRandom(options.Seed, target.Name, caseNumber));
            CaseOutcome outcome = worker.Run(target, input, options.CaseTimeLimit);
            if (outcome.TimedOut)
            {
                c.Hangs++;
                findings.Add(Save(target, caseNumber, input, FindingKind.Hang, $"no result after {options.CaseTimeLimit.TotalSeconds:0.#} s"));
                break;
            }

            c.MaxCaseAllocation = Math.Max(c.MaxCaseAllocation, outcome.Allocated);
            if (outcome.Elapsed > c.MaxCaseTime)
            {
                c.MaxCaseTime = outcome.Elapsed;
            }

            FindingKind? kind = Classify(outcome, options.CaseAllocationLimit);
            if (kind is null)
            {
                if (outcome.Error is InvalidInputFileException typed)
                {
                    c.Rejected++;
                    string name = typed.GetType().Name;
                    c.RejectionsByType[name] = c.RejectionsByType.GetValueOrDefault(name) + 1;
                }
                else
                {
                    c.Accepted++;
                }
            }
            else
            {
                if (kind == FindingKind.Crash)
                {
                    c.Crashes++;
                }
                else
                {
                    c.MemoryBreaches++;
                }

                string detail = outcome.Error is { } e
                    ? e.ToString()
                    : $"allocated {outcome.Allocated:N0} bytes (limit {options.CaseAllocationLimit:N0}) for {input.TotalBytes:N0} input bytes";
                findings.Add(Save(target, caseNumber, input, kind.Value, detail));
                log?.WriteLine($"FINDING {kind} {target.Name} case {caseNumber}: {FirstLine(detail)}");
            }

            if (options.ProgressEvery > 0 && (i + 1) % options.ProgressEvery == 0)
            {
                log?.WriteLine($"{i + 1:N0} cases, {findings.Count} findings, {clock.Elapsed.TotalSeconds:0} s, {(i + 1) / clock.Elapsed.TotalSeconds:0} cases/s");
            }
        }

        return new FuzzResult(counts, findings, clock.Elapsed);
    }

    /// <summary>Replays one saved reproducer against its target; returns the finding kind, or null when it now passes.</summary>
    public static (FindingKind? Kind, Exception? Error) Replay(IFuzzTarget target, FuzzInput input, FuzzOptions options)
    {
        using var workspace = new FuzzWorkspace();
        using var worker = new CaseWorker(workspace);
        CaseOutcome outcome = worker.Run(target, input, options.CaseTimeLimit);
        return outcome.TimedOut ? (FindingKind.Hang, null) : (Classify(outcome, options.CaseAllocationLimit), outcome.Error);
    }

    private static FindingKind? Classify(CaseOutcome outcome, long allocationLimit)
    {
        if (outcome.Error is OutOfMemoryException || outcome.Allocated > allocationLimit)
        {
            return FindingKind.MemoryBreach;
        }

        return outcome.Error is null or InvalidInputFileException ? null : FindingKind.Crash;
    }

    private FuzzFinding Save(IFuzzTarget target, long caseNumber, FuzzInput input, FindingKind kind, string detail)
    {
        string? folder = null;
        if (options.ReproducerFolder is { } root)
        {
            folder = Path.Combine(root, $"{target.Name}-seed{options.Seed}-case{caseNumber}-{kind}");
            input.SaveTo(folder);
            File.WriteAllText(
                Path.Combine(folder, "finding.txt"),
                $"target: {target.Name}\nseed: {options.Seed}\ncase: {caseNumber}\nkind: {kind}\nreplay: dotnet run --project bench/fuzz -c Release -- --replay {folder} --target {target.Name}\n\n{detail}\n");
        }

        return new FuzzFinding(target.Name, caseNumber, kind, detail, folder);
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
