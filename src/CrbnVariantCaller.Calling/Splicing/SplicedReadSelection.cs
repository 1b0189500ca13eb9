using CrbnVariantCaller.Core.Alignment;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// The host-side step before junction counting: keeps the spliced reads that may count (unique alignments only
/// when asked) and gives each one its transcription strand, so that the counted per-read strand field carries the
/// strand chosen by <see cref="JunctionStrandSource"/> rather than only the XS tag.
/// </summary>
internal static class SplicedReadSelection
{
    /// <summary>Builds the reduced batch, from every reference or only from <paramref name="referenceId"/>.</summary>
    public static SplicedReadSubset Select(ReadBatch reads, SplicingOptions options, Strandedness library, int? referenceId = null)
    {
        JunctionStrandSource source = options.StrandSource switch
        {
            JunctionStrandSource.Auto => library == Strandedness.Unstranded ? JunctionStrandSource.SpliceTag : JunctionStrandSource.LibraryType,
            var s => s,
        };

        var builder = new ReadBatchBuilder(256);
        Span<byte> name = stackalloc byte[11];
        int spliced = 0;
        int nonUnique = 0;
        ReadOnlySpan<ushort> flags = reads.Flags;
        ReadOnlySpan<byte> mapqs = reads.MappingQualities;
        ReadOnlySpan<int> nh = reads.NumberOfHits;
        ReadOnlySpan<int> refIds = reads.ReferenceIds;
        const ushort never = (ushort)(ReadFilter.DefaultExcludeFlags | SamFlags.Supplementary);
        for (int r = 0; r < reads.Count; r++)
        {
            if ((flags[r] & never) != 0 || refIds[r] < 0 || !HasSkip(reads.CigarOf(r)))
            {
                continue;
            }

            if (referenceId is { } wanted && refIds[r] != wanted)
            {
                continue;
            }

            spliced++;
            if (options.UniqueOnly && !(nh[r] > 0 ? nh[r] == 1 : mapqs[r] >= options.UniqueMappingQuality))
            {
                nonUnique++;
                continue;
            }

            Strand strand = source == JunctionStrandSource.LibraryType
                ? LibraryStrand.TranscriptionStrand(flags[r], library)
                : (Strand)reads.SpliceStrands[r];
            reads.NameIds[r].TryFormat(name, out int written, provider: System.Globalization.CultureInfo.InvariantCulture);
            builder.AddFrom(reads, r, name[..written], strand);
        }

        return new SplicedReadSubset(builder.Build(), referenceId, spliced, nonUnique, source);
    }

    private static bool HasSkip(ReadOnlySpan<uint> cigar)
    {
        foreach (uint word in cigar)
        {
            if (CigarOp.Op(word) == CigarOp.Skip)
            {
                return true;
            }
        }

        return false;
    }
}
