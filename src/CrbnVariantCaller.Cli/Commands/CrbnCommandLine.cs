using System.CommandLine;
using System.CommandLine.Help;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CrbnVariantCaller.Cli.Commands;

/// <summary>Assembles the <c>crbn</c> command tree and the services its commands need.</summary>
public static class CrbnCommandLine
{
    /// <summary>Registers the services behind every command.</summary>
    public static void RegisterServices(IServiceCollection services)
    {
        services.AddSingleton<BackendSelector>();
        services.AddSingleton<ViewCommand>();
        services.AddSingleton<DevicesCommand>();
        services.AddSingleton<SampleAnalyzer>();
        services.AddSingleton<CohortBuilding>();
        services.AddSingleton<CallCommand>();
        services.AddSingleton<BatchCommand>();
        services.AddSingleton<SummarizeCommand>();
        services.AddSingleton<Pipeline.Compare.CompareRunner>();
        services.AddSingleton<CompareCommand>();
        services.AddSingleton<SheetCommand>();
        services.AddSingleton<DemoCommand>();
        services.AddSingleton<CohortCommand>();
        services.AddSingleton<PonCommand>();
    }

    /// <summary>Builds the root command. <c>-h</c> is left free for <c>crbn view -h</c> (samtools meaning: print the header).</summary>
    public static RootCommand Create(IServiceProvider services)
    {
        RootCommand root = new("crbn: CRBN variant caller for lenalidomide/pomalidomide resistance testing in myeloma.");

        foreach (HelpOption help in root.Options.OfType<HelpOption>())
        {
            help.Aliases.Remove("-h");
        }

        foreach (VersionOption version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        root.Subcommands.Add(services.GetRequiredService<ViewCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<CallCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<BatchCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<SummarizeCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<CompareCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<SheetCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<DemoCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<CohortCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<PonCommand>().Build());
        root.Subcommands.Add(services.GetRequiredService<DevicesCommand>().Build());
        return root;
    }
}
