namespace CrbnVariantCaller.Cli;

/// <summary>The command line is well-formed but asks for something impossible (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
