using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Compute.Tests.Oracle;

/// <summary>A fact that needs ../shared/corpus and the given tools on PATH; skipped loudly without them.</summary>
public sealed class OracleFactAttribute : FactAttribute
{
    public OracleFactAttribute(params string[] tools)
    {
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            Skip = $"SKIPPED LOUDLY: conformance corpus not found at {RepoPaths.Corpus}";
            return;
        }

        string? missing = tools.FirstOrDefault(t => !ExternalTool.IsOnPath(t));
        if (missing is not null)
        {
            Skip = $"SKIPPED LOUDLY: '{missing}' is not on PATH (CI installs it through .ci/run)";
        }
    }
}
