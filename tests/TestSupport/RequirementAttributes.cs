using Xunit;

namespace CrbnVariantCaller.TestSupport;

/// <summary>Why a test that needs the corpus or peer tools cannot run here; null when it can.</summary>
internal static class Requirements
{
    public static string? Missing(bool needsCorpus, IReadOnlyList<string> tools)
    {
        if (needsCorpus && !Directory.Exists(RepoPaths.Corpus))
        {
            return $"SKIPPED LOUDLY: conformance corpus not found at {RepoPaths.Corpus}";
        }

        string? missing = tools.FirstOrDefault(t => !ExternalTool.IsOnPath(t));
        return missing is null ? null : $"SKIPPED LOUDLY: '{missing}' is not on PATH (CI installs it through .ci/run)";
    }
}

/// <summary>A fact that needs <c>../shared/corpus</c> (and any peer tools named); skipped loudly without them.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute(params string[] tools) => Skip = Requirements.Missing(needsCorpus: true, tools);
}

/// <summary>A theory that needs <c>../shared/corpus</c> (and any peer tools named); skipped loudly without them.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute(params string[] tools) => Skip = Requirements.Missing(needsCorpus: true, tools);
}

/// <summary>A fact that needs peer tools on PATH (for example samtools); skipped loudly without them.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools) => Skip = Requirements.Missing(needsCorpus: false, tools);
}

/// <summary>A theory that needs peer tools on PATH; skipped loudly without them.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools) => Skip = Requirements.Missing(needsCorpus: false, tools);
}
