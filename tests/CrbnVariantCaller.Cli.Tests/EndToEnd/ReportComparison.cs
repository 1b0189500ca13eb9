using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>A report as text with what may differ between equivalent runs taken out: the tool section, input paths, and the backend named in expression.source.</summary>
internal static partial class ReportComparison
{
    public static string Comparable(JsonElement report)
    {
        JsonObject node = JsonNode.Parse(report.GetRawText())!.AsObject();
        node.Remove("tool");
        node.Remove("inputs");
        if (node["expression"] is JsonObject expression && expression["source"] is JsonValue source && source.TryGetValue(out string? text))
        {
            expression["source"] = BackendInSource().Replace(text, "kernel (backend)");
        }

        return node.ToJsonString();
    }

    [GeneratedRegex(@"kernel \(\w+\)")]
    private static partial Regex BackendInSource();
}
