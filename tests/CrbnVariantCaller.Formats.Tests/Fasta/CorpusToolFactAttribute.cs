using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Fasta;

/// <summary>A fact that needs both the conformance corpus and external tools; skipped loudly without either.</summary>
public sealed class CorpusToolFactAttribute : FactAttribute
{
    public CorpusToolFactAttribute(params string[] tools)
    {
        string? missing = tools.FirstOrDefault(t => !ExternalTool.IsOnPath(t));
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            Skip = $"SKIPPED LOUDLY: conformance corpus not found at {RepoPaths.Corpus}";
        }
        else if (missing is not null)
        {
            Skip = $"SKIPPED LOUDLY: '{missing}' is not on PATH (CI installs it through .ci/run)";
        }
    }
}

/// <summary>A theory that needs both the conformance corpus and external tools; skipped loudly without either.</summary>
public sealed class CorpusToolTheoryAttribute : TheoryAttribute
{
    public CorpusToolTheoryAttribute(params string[] tools)
    {
        string? missing = tools.FirstOrDefault(t => !ExternalTool.IsOnPath(t));
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            Skip = $"SKIPPED LOUDLY: conformance corpus not found at {RepoPaths.Corpus}";
        }
        else if (missing is not null)
        {
            Skip = $"SKIPPED LOUDLY: '{missing}' is not on PATH (CI installs it through .ci/run)";
        }
    }
}
