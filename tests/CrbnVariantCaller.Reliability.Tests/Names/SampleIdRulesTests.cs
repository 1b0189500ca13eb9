using CrbnVariantCaller.Core.Samples;
using Xunit;

namespace CrbnVariantCaller.Reliability.Tests.Names;

/// <summary>The one sample-ID policy: what it refuses, with a reason a message can quote, and what it keeps.</summary>
public sealed class SampleIdRulesTests
{
    public static TheoryData<string, string, string?> Cases()
    {
        var data = new TheoryData<string, string, string?>();
        foreach ((string name, string kind, string? refusal) in HostileNames.All)
        {
            data.Add(name, kind, refusal);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RefusesOrKeeps(string name, string kind, string? refusal)
    {
        string? problem = SampleIdRules.FindProblem(name);
        if (refusal is null)
        {
            Assert.True(problem is null, $"{kind}: refused ({problem})");
        }
        else
        {
            Assert.NotNull(problem);
            Assert.StartsWith(refusal, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PrintableShowsHiddenCharactersAndStaysOnOneLine()
    {
        Assert.Equal("new\\u000Aline\\u0009x", SampleIdRules.Printable("new\nline\tx"));
        Assert.Equal("evil\\u202Egnp", SampleIdRules.Printable("evil\u202Egnp"));
        Assert.Equal(new string('A', 60) + "...", SampleIdRules.Printable(new string('A', 300)));
    }

    [Fact]
    public void ALoneSurrogateIsRefused() =>
        Assert.Equal("is not valid Unicode (a lone surrogate)", SampleIdRules.FindProblem("bad\uD800x"));
}
