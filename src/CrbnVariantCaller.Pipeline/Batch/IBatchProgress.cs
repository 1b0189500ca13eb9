using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Pipeline.Batch;

/// <summary>
/// Told by <see cref="BatchRunner"/> when each sample starts and finishes, from the thread that runs it (several at once
/// under <c>--jobs N</c>), so a display can follow the batch. The log lines are written either way.
/// </summary>
public interface IBatchProgress
{
    /// <summary>Sheet row <paramref name="index"/> (0-based) starts: it is run, or checked for <c>--resume</c>.</summary>
    void SampleStarted(int index, SampleSheetEntry entry);

    /// <summary>Sheet row <paramref name="index"/> finished: completed, skipped or failed.</summary>
    void SampleFinished(int index, BatchSampleOutcome outcome);
}
