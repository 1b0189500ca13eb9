using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary><c>crbn --version</c>: the tool version and the runtime it runs on.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The informational version of the <c>crbn</c> assembly, without source-link suffix.</summary>
    public static string ToolVersion
    {
        get
        {
            string? v = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            return v is null ? "unknown" : v.Split('+')[0];
        }
    }

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        output.WriteLine($"crbn {ToolVersion}");
        output.WriteLine($"BGZF inflate: {Formats.Bgzf.BgzfReader.InflaterDescription}");
        output.WriteLine($"runtime: .NET {Environment.Version} ({System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier})");
        return ExitCodes.Success;
    }
}
