using System.CommandLine;
using System.CommandLine.Invocation;
using CrbnVariantCaller.Cli.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Cli;

/// <summary>Entry point: builds the Generic Host (logging, services), then parses and runs one command.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using IHost host = BuildHost(args);
        RootCommand root = CrbnCommandLine.Create(host.Services);
        ParseResult parse = root.Parse(args);

        if (parse.Action is ParseErrorAction)
        {
            foreach (var parseError in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"crbn: {parseError.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'crbn --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        // Our own SIGINT/SIGTERM handling (exit 130/143, temporary files removed) replaces System.CommandLine's.
        using var signals = new ShutdownSignals(args.Length > 0 && !args[0].StartsWith('-') ? " " + args[0] : string.Empty);
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    private static IHost BuildHost(string[] args)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            DisableDefaults = true,
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        LogLevel minimum = LogLevelFromEnvironment(args);
        builder.Logging.AddFilter(level => level >= minimum);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddSingleton<TextWriter>(_ => Console.Error);
        builder.Services.AddSingleton<CommandGuard>();
        CrbnCommandLine.RegisterServices(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// <c>CRBN_LOG_LEVEL</c> (Trace…Critical) sets the log level. The default is Information, except for <c>crbn batch</c>
    /// on a terminal, where the live progress display replaces the per-sample lines and only warnings and errors are logged.
    /// </summary>
    private static LogLevel LogLevelFromEnvironment(string[] args) =>
        Enum.TryParse(Environment.GetEnvironmentVariable("CRBN_LOG_LEVEL"), ignoreCase: true, out LogLevel level)
            ? level
            : args.FirstOrDefault() == "batch" && Progress.BatchProgressDisplay.IsTerminal ? LogLevel.Warning : LogLevel.Information;
}
