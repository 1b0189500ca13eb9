using CrbnVariantCaller.Fuzz.Engine;
using CrbnVariantCaller.Fuzz.Targets;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Reliability.Tests.Fuzzing;

/// <summary>
/// Every reproducer the fuzzer saved for a bug since fixed (<c>bench/fuzz/regressions/NAME/</c>, with
/// <c>finding.txt</c> saying what it did before the fix) replays clean: accepted, or rejected with the typed exception.
/// </summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string> Reproducers()
    {
        var data = new TheoryData<string>();
        foreach (string dir in Directory.GetDirectories(Path.Combine(RepoPaths.Root, "bench", "fuzz", "regressions")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reproducers))]
    public void SavedReproducerNowPasses(string name)
    {
        string folder = Path.Combine(RepoPaths.Root, "bench", "fuzz", "regressions", name);
        string targetName = File.ReadLines(Path.Combine(folder, "finding.txt")).First()["target: ".Length..];
        IFuzzTarget target = AllTargets.Create().Single(t => t.Name == targetName);

        (FindingKind? kind, Exception? error) = FuzzRunner.Replay(target, FuzzInput.LoadFrom(folder), new FuzzOptions { CaseTimeLimit = TimeSpan.FromSeconds(10) });

        Assert.True(kind is null, $"{name}: {kind}: {error}");
    }
}
