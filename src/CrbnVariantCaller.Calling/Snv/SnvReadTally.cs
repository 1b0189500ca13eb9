using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// Primary reads over the transcript span, and how many are duplicates (the QC's read count and duplicate rate), added
/// up chunk by chunk when the reads are streamed.
/// </summary>
public sealed class SnvReadTally
{
    /// <summary>Primary mapped reads on the transcript's contig that overlap its span.</summary>
    public int Reads { get; private set; }

    /// <summary>Of those, the ones flagged as duplicates.</summary>
    public int Duplicates { get; private set; }

    /// <summary>The tally of one batch.</summary>
    public static SnvReadTally Of(ReadBatch batch, int referenceId, TranscriptModel transcript)
    {
        var tally = new SnvReadTally();
        tally.Add(batch, referenceId, transcript);
        return tally;
    }

    /// <summary>Adds the reads of <paramref name="batch"/> on <paramref name="referenceId"/>.</summary>
    public void Add(ReadBatch batch, int referenceId, TranscriptModel transcript)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(transcript);
        int spanStart = transcript.Span.Start.ZeroBased;
        int spanEnd = transcript.Span.End.Value;
        const ushort notPrimary = (ushort)(SamFlags.Unmapped | SamFlags.Secondary | SamFlags.Supplementary);
        for (int r = 0; r < batch.Count; r++)
        {
            if (batch.ReferenceIds[r] != referenceId || (batch.Flags[r] & notPrimary) != 0 ||
                batch.EndsZeroBasedExclusive[r] <= spanStart || batch.StartsZeroBased[r] >= spanEnd)
            {
                continue;
            }

            Reads++;
            Duplicates += (batch.Flags[r] & (ushort)SamFlags.Duplicate) != 0 ? 1 : 0;
        }
    }
}
