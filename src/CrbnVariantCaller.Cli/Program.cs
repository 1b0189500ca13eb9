using System.CommandLine;

namespace CrbnVariantCaller.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        RootCommand root = new("crbn: CRBN variant caller for IMiD-resistance testing.");
        return root.Parse(args).Invoke();
    }
}
