using Xunit;

namespace CrbnVariantCaller.TestSupport;

/// <summary>A fact that is skipped, with the reason printed, when <c>../shared/corpus</c> is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            Skip = $"SKIPPED LOUDLY: conformance corpus not found at {RepoPaths.Corpus}";
        }
    }
}

/// <summary>A theory that is skipped, with the reason printed, when <c>../shared/corpus</c> is absent.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            Skip = $"SKIPPED LOUDLY: conformance corpus not found at {RepoPaths.Corpus}";
        }
    }
}

/// <summary>A fact that needs external programs on PATH (for example samtools); skipped loudly without them.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        string? missing = tools.FirstOrDefault(t => !ExternalTool.IsOnPath(t));
        if (missing is not null)
        {
            Skip = $"SKIPPED LOUDLY: '{missing}' is not on PATH (CI installs it through .ci/run)";
        }
    }
}
