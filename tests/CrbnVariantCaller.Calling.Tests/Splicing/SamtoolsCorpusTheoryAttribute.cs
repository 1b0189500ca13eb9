using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Splicing;

/// <summary>A theory over corpus files that needs samtools; skipped loudly when either is missing.</summary>
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
