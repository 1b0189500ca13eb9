using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Counts;

/// <summary>
/// The per-N-operation records every backend's junction kernel emits (one slot per N of each passing read,
/// in read order), and their reduction into sorted <see cref="JunctionCount"/>s.
/// </summary>
public sealed class JunctionRecords
{
    public JunctionRecords(int[] referenceIds, int[] starts, int[] ends, int[] info)
    {
        ReferenceIds = referenceIds;
        Starts = starts;
        Ends = ends;
        Info = info;
    }

    /// <summary>refID per record.</summary>
    public int[] ReferenceIds { get; }

    /// <summary>0-based first intronic base per record.</summary>
    public int[] Starts { get; }

    /// <summary>0-based exclusive intron end per record.</summary>
    public int[] Ends { get; }

    /// <summary>Strand code (bits 0–1) and anchor-passed flag (bit 2) per record.</summary>
    public int[] Info { get; }

    /// <summary>Counts the records that passed the anchor test, sorted by refID, start, end, strand.</summary>
    public IReadOnlyList<JunctionCount> Reduce()
    {
        var counts = new Dictionary<(int Ref, int Start, int End, int Strand), int>();
        for (int i = 0; i < Starts.Length; i++)
        {
            if ((Info[i] & 4) == 0)
            {
                continue;
            }

            var key = (ReferenceIds[i], Starts[i], Ends[i], Info[i] & 3);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts
            .OrderBy(kv => kv.Key.Ref).ThenBy(kv => kv.Key.Start).ThenBy(kv => kv.Key.End).ThenBy(kv => kv.Key.Strand)
            .Select(kv => new JunctionCount(
                kv.Key.Ref, Position.FromZeroBased(kv.Key.Start), Position.FromZeroBased(kv.Key.End - 1), (Strand)kv.Key.Strand, kv.Value))
            .ToList();
    }
}
