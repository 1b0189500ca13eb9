using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>
/// Spliced sequences of a transcript in transcript orientation (reverse-complemented on the minus strand), from any
/// reference the caller can fetch from (for example <c>IndexedFastaReader.Fetch</c>).
/// </summary>
public static class TranscriptSequence
{
    /// <summary>The coding sequence, start to stop codon, 5'→3' on the transcript's strand.</summary>
    /// <param name="transcript">A coding transcript.</param>
    /// <param name="fetch">Returns the reference bases of a genomic interval, forward strand.</param>
    /// <exception cref="ArgumentException">The transcript is non-coding, or the fetch returned a wrong length.</exception>
    public static byte[] Cds(TranscriptModel transcript, Func<GenomicInterval, byte[]> fetch)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (!transcript.IsCoding)
        {
            throw new ArgumentException($"{transcript.TranscriptId} is non-coding.", nameof(transcript));
        }

        return Splice(transcript, transcript.CdsIntervals, transcript.CdsLength, fetch);
    }

    /// <summary>The mature transcript (all exons), 5'→3' on the transcript's strand.</summary>
    public static byte[] Mrna(TranscriptModel transcript, Func<GenomicInterval, byte[]> fetch)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        return Splice(transcript, transcript.Exons.Select(e => e.Interval).ToArray(), transcript.TranscriptLength, fetch);
    }

    private static byte[] Splice(TranscriptModel transcript, IReadOnlyList<GenomicInterval> parts, int length, Func<GenomicInterval, byte[]> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        byte[] result = new byte[length];
        int written = 0;
        foreach (GenomicInterval part in parts) // already in transcript order
        {
            byte[] bases = fetch(part);
            if (bases.Length != part.Length)
            {
                throw new ArgumentException($"The fetch for {part} returned {bases.Length} bases instead of {part.Length}.", nameof(fetch));
            }

            if (transcript.Strand == Strand.Minus)
            {
                GeneticCode.ReverseComplement(bases);
            }

            bases.CopyTo(result, written);
            written += bases.Length;
        }

        return result;
    }
}
