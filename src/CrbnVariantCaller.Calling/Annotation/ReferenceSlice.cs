using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Annotation;

/// <summary>
/// A contiguous piece of one reference contig held in memory (forward strand, as the FASTA stores it): the
/// reference window the caller and the annotator work on. Bases are compared case-insensitively.
/// </summary>
public sealed class ReferenceSlice
{
    private readonly byte[] _bases;

    /// <summary>Creates a slice of <paramref name="contig"/> whose first base is at <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentException">The contig name or the bases are empty.</exception>
    public ReferenceSlice(string contig, Position start, byte[] bases)
    {
        ArgumentException.ThrowIfNullOrEmpty(contig);
        ArgumentNullException.ThrowIfNull(bases);
        if (bases.Length == 0)
        {
            throw new ArgumentException("A reference slice needs at least one base.", nameof(bases));
        }

        Contig = contig;
        Start = start;
        _bases = bases;
    }

    /// <summary>The contig name.</summary>
    public string Contig { get; }

    /// <summary>The first base (1-based).</summary>
    public Position Start { get; }

    /// <summary>The last base (1-based).</summary>
    public Position End => Start.Offset(_bases.Length - 1);

    /// <summary>Number of bases.</summary>
    public int Length => _bases.Length;

    /// <summary>The bases as stored.</summary>
    public ReadOnlySpan<byte> Bases => _bases;

    /// <summary>True when <paramref name="position"/> lies in the slice.</summary>
    public bool Contains(Position position) => position >= Start && position <= End;

    /// <summary>True when the whole interval lies in the slice (contig names compared exactly).</summary>
    public bool Contains(GenomicInterval interval) =>
        interval.Contig == Contig && Contains(interval.Start) && Contains(interval.End);

    /// <summary>The upper-case base at <paramref name="position"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the slice.</exception>
    public byte BaseAt(Position position)
    {
        if (!Contains(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), $"{Contig}:{position} is outside the reference slice {Contig}:{Start}-{End}.");
        }

        return (byte)char.ToUpperInvariant((char)_bases[position.Value - Start.Value]);
    }

    /// <summary>The upper-case bases of <paramref name="interval"/> (a fresh array).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not inside the slice.</exception>
    public byte[] Fetch(GenomicInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        if (!Contains(interval))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), $"{interval} is outside the reference slice {Contig}:{Start}-{End}.");
        }

        byte[] result = _bases.AsSpan(interval.Start.Value - Start.Value, interval.Length).ToArray();
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (byte)char.ToUpperInvariant((char)result[i]);
        }

        return result;
    }
}
