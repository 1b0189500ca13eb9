using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Errors;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Cli;

/// <summary>
/// Runs a command body and maps failures to the contract's exit codes with a one-line message on stderr:
/// bad input names the file (exit 2), anything else is a runtime failure (exit 1).
/// </summary>
public sealed class CommandGuard(ILogger<CommandGuard> logger, TextWriter error)
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code, or the code for the failure it raised.</summary>
    public async Task<int> RunAsync(string commandName, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidInputFileException ex)
        {
            await error.WriteLineAsync($"crbn {commandName}: {ex.ToUserMessage()}").ConfigureAwait(false);
            logger.LogDebug(ex, "Bad input in {Command}", commandName);
            return ExitCodes.BadInput;
        }
        catch (FileNotFoundException ex)
        {
            await error.WriteLineAsync($"crbn {commandName}: {ex.FileName ?? "?"}: file not found").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (DirectoryNotFoundException ex)
        {
            await error.WriteLineAsync($"crbn {commandName}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            await error.WriteLineAsync($"crbn {commandName}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (FormatException ex)
        {
            // Region strings and numbers the user typed.
            await error.WriteLineAsync($"crbn {commandName}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (ComputeUnavailableException ex)
        {
            // --device opencl|cuda asked for a backend this machine cannot run: bad usage, said in one line.
            await error.WriteLineAsync($"crbn {commandName}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"crbn {commandName}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"crbn {commandName}: interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (IOException ex) when (ex.HResult is 28 or 122 || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("quota", StringComparison.OrdinalIgnoreCase))
        {
            // ENOSPC / EDQUOT while writing outputs: every output is written to a temporary name first and the
            // temporaries were removed when the write failed, so nothing half-written is left.
            await error.WriteLineAsync($"crbn {commandName}: cannot write the outputs: {ex.Message.TrimEnd('.')}; no partial file was left").ConfigureAwait(false);
            return ExitCodes.RuntimeFailure;
        }
        catch (IOException ex) when (ex.HResult == 32 || ex.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase))
        {
            // Downstream closed the pipe (e.g. `crbn view x.bam | head`): not an error, as with samtools.
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "crbn {Command} failed", commandName);
            await error.WriteLineAsync($"crbn {commandName}: runtime failure: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.RuntimeFailure;
        }
    }
}
