using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Counts;

/// <summary>A closed, 1-based window on one reference sequence, named by its BAM refID.</summary>
public readonly record struct ReferenceWindow
{
    /// <summary>Creates a window; <paramref name="end"/> must not precede <paramref name="start"/>.</summary>
    public ReferenceWindow(int referenceId, Position start, Position end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(referenceId);
        if (end < start)
        {
            throw new ArgumentException($"window end {end} is before start {start}", nameof(end));
        }

        ReferenceId = referenceId;
        Start = start;
        End = end;
    }

    /// <summary>BAM refID.</summary>
    public int ReferenceId { get; }

    /// <summary>First position (1-based, included).</summary>
    public Position Start { get; }

    /// <summary>Last position (1-based, included).</summary>
    public Position End { get; }

    /// <summary>Number of positions.</summary>
    public int Length => End.Value - Start.Value + 1;

    /// <summary>The position at array index <paramref name="offset"/> of a per-position result.</summary>
    public Position At(int offset) => Start.Offset(offset);
}
