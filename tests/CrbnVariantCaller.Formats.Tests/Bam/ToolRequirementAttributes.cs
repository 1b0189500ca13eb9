using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>A theory over the conformance corpus that compares with samtools; skipped loudly without either.</summary>
public sealed class SamtoolsCorpusTheoryAttribute : TheoryAttribute
{
    public SamtoolsCorpusTheoryAttribute()
    {
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            Skip = $"SKIPPED LOUDLY: conformance corpus not found at {RepoPaths.Corpus}";
        }
        else if (!ExternalTool.IsOnPath("samtools"))
        {
            Skip = "SKIPPED LOUDLY: 'samtools' is not on PATH (CI installs it through .ci/run)";
        }
    }
}

/// <summary>A fact over the conformance corpus that compares with samtools; skipped loudly without either.</summary>
public sealed class SamtoolsCorpusFactAttribute : FactAttribute
{
    public SamtoolsCorpusFactAttribute()
    {
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            Skip = $"SKIPPED LOUDLY: conformance corpus not found at {RepoPaths.Corpus}";
        }
        else if (!ExternalTool.IsOnPath("samtools"))
        {
            Skip = "SKIPPED LOUDLY: 'samtools' is not on PATH (CI installs it through .ci/run)";
        }
    }
}

/// <summary>A theory that needs samtools and bgzip; skipped loudly without them.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute()
    {
        string? missing = new[] { "samtools", "bgzip" }.FirstOrDefault(t => !ExternalTool.IsOnPath(t));
        if (missing is not null)
        {
            Skip = $"SKIPPED LOUDLY: '{missing}' is not on PATH (CI installs it through .ci/run)";
        }
    }
}
