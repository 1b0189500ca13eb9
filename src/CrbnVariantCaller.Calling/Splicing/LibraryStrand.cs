using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>The transcription strand a read's orientation implies in a stranded library.</summary>
public static class LibraryStrand
{
    /// <summary>
    /// With <see cref="Strandedness.ReverselyStranded"/> (<c>-s 2</c>, dUTP) read 1 is antisense and read 2 sense; with
    /// <see cref="Strandedness.Stranded"/> (<c>-s 1</c>) the reverse. Single-end reads behave as read 1. Unstranded
    /// libraries give <see cref="Strand.Unknown"/>.
    /// </summary>
    public static Strand TranscriptionStrand(ushort flag, Strandedness library)
    {
        if (library == Strandedness.Unstranded)
        {
            return Strand.Unknown;
        }

        bool reverse = (flag & (ushort)SamFlags.Reverse) != 0;
        bool isRead2 = (flag & (ushort)SamFlags.Paired) != 0 && (flag & (ushort)SamFlags.Read2) != 0;
        bool sense = library == Strandedness.Stranded ? !isRead2 : isRead2;
        bool plus = sense ? !reverse : reverse;
        return plus ? Strand.Plus : Strand.Minus;
    }
}
