using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Pipeline.Batch;
using CrbnVariantCaller.Reporting.Model;
using Spectre.Console;

namespace CrbnVariantCaller.Cli.Progress;

/// <summary>
/// The live progress of <c>crbn batch</c> on a terminal (Spectre.Console, on stderr): one bar for the samples, with how
/// many completed, were skipped or failed and which are running. When stderr is not a terminal (a file, a pipe, a
/// scheduler's log) there is no display, and the batch's plain log lines (<c>[3/12] MM003: running</c>) are the progress.
/// </summary>
public sealed class BatchProgressDisplay : IBatchProgress
{
    private readonly ProgressTask _task;
    private readonly int _total;
    private readonly SortedDictionary<int, string> _running = [];
    private readonly Lock _gate = new();
    private int _completed;
    private int _skipped;
    private int _failed;

    private BatchProgressDisplay(ProgressTask task, int total)
    {
        _task = task;
        _total = total;
        _task.Description = Describe();
    }

    /// <summary>True when stderr is a terminal, so the live display is shown instead of per-sample log lines.</summary>
    public static bool IsTerminal => !Console.IsErrorRedirected;

    /// <summary>Shows the display on stderr while <paramref name="body"/> runs the batch, and leaves its last state on screen.</summary>
    public static T Show<T>(int samples, Func<IBatchProgress, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => body(new BatchProgressDisplay(context.AddTask("samples", maxValue: Math.Max(samples, 1)), samples)));
    }

    /// <inheritdoc />
    public void SampleStarted(int index, SampleSheetEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _running[index] = entry.Sample;
            _task.Description = Describe();
        }
    }

    /// <inheritdoc />
    public void SampleFinished(int index, BatchSampleOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            _running.Remove(index);
            switch (outcome.Status)
            {
                case BatchSampleStatus.Completed: _completed++; break;
                case BatchSampleStatus.Skipped: _skipped++; break;
                default: _failed++; break;
            }

            _task.Increment(1);
            _task.Description = Describe();
        }
    }

    private string Describe()
    {
        int done = _completed + _skipped + _failed;
        string counts = $"{done}/{_total} samples: {_completed} completed";
        if (_skipped > 0)
        {
            counts += $", {_skipped} skipped";
        }

        counts += _failed > 0 ? $", [red]{_failed} failed[/]" : ", 0 failed";
        return _running.Count == 0 ? counts : $"{counts}; running {Markup.Escape(string.Join(", ", _running.Values))}";
    }
}
