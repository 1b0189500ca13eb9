using System.CommandLine;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Formats.Bgzf;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>
/// <c>crbn devices</c>: the BGZF inflater in use and every compute backend found, with the reason any is unavailable,
/// and the backend <c>--device auto</c> would pick.
/// </summary>
public sealed class DevicesCommand(CommandGuard guard, BackendSelector selector)
{
    /// <summary>The System.CommandLine definition of <c>crbn devices</c>.</summary>
    public Command Build()
    {
        Command command = new("devices", "List the inflater and the compute backends found, and why any is unavailable.");
        command.SetAction((parse, ct) => guard.RunAsync("devices", _ => Task.FromResult(Run(parse)), ct));
        return command;
    }

    private int Run(ParseResult parse)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        output.WriteLine($"BGZF inflate: {BgzfReader.InflaterDescription}");
        output.Write(selector.ListDevices().Render());
        return ExitCodes.Success;
    }
}
