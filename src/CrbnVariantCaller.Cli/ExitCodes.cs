namespace CrbnVariantCaller.Cli;

/// <summary>Process exit codes, fixed by the output contract (shared/contracts/OUTPUTS.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A runtime failure (a bug, an I/O failure that is not the input's fault, a device failure).</summary>
    public const int RuntimeFailure = 1;

    /// <summary>Bad usage or bad input; the message names the file and says what is wrong.</summary>
    public const int BadInput = 2;

    /// <summary>A batch finished, but some samples failed.</summary>
    public const int PartialBatch = 3;

    /// <summary>Interrupted by the user (Ctrl-C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;

    /// <summary>Terminated by SIGTERM (a scheduler's cancel, <c>kill</c>), as shells report it.</summary>
    public const int Terminated = 143;
}
