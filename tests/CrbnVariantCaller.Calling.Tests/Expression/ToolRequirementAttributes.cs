using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Expression;

/// <summary>A theory that needs featureCounts on PATH; skipped loudly without it.</summary>
public sealed class FeatureCountsTheoryAttribute : TheoryAttribute
{
    public FeatureCountsTheoryAttribute()
    {
        if (!ExternalTool.IsOnPath("featureCounts"))
        {
            Skip = "SKIPPED LOUDLY: 'featureCounts' is not on PATH (Debian package subread; CI installs it through .ci/run)";
        }
    }
}

/// <summary>A fact that needs both ../shared/corpus and featureCounts; skipped loudly without either.</summary>
public sealed class CorpusFeatureCountsFactAttribute : FactAttribute
{
    public CorpusFeatureCountsFactAttribute()
    {
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            Skip = $"SKIPPED LOUDLY: conformance corpus not found at {RepoPaths.Corpus}";
        }
        else if (!ExternalTool.IsOnPath("featureCounts"))
        {
            Skip = "SKIPPED LOUDLY: 'featureCounts' is not on PATH (Debian package subread)";
        }
    }
}
