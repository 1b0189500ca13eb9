using System.Runtime.InteropServices;
using CrbnVariantCaller.Formats.Output;

namespace CrbnVariantCaller.Cli;

/// <summary>
/// SIGINT and SIGTERM: remove this process's temporary output files, print one line, and exit with 130 or 143 (128 +
/// the signal number, as shells report it). Finished outputs are kept (they were renamed into place whole); work in
/// progress is dropped at once instead of waiting for a sample to finish.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;
    private readonly string _command;
    private int _handled;

    public ShutdownSignals(string command)
    {
        _command = command;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration r in _registrations)
        {
            r.Dispose();
        }
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Exchange(ref _handled, 1) != 0)
        {
            return;
        }

        (string name, int code) = context.Signal == PosixSignal.SIGTERM ? ("SIGTERM", ExitCodes.Terminated) : ("SIGINT", ExitCodes.Interrupted);
        int removed = TemporaryFiles.DeleteAllAndStop();
        Console.Error.WriteLine($"crbn{_command}: interrupted by {name}; {removed} temporary file(s) removed, finished outputs kept");
        Console.Error.Flush();
        Environment.Exit(code);
    }
}
