namespace CrbnVariantCaller.Core.Coordinates;

/// <summary>
/// A 1-based genomic position, as written in SAM, VCF, GTF and region strings.
/// Use <see cref="ZeroBased"/> only at the boundary with 0-based formats (BAM, BED, array indices).
/// </summary>
public readonly record struct Position : IComparable<Position>
{
    /// <summary>The 1-based value; always ≥ 1.</summary>
    public int Value { get; }

    /// <summary>Creates a position from a 1-based value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public Position(int oneBased)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(oneBased, 1);
        Value = oneBased;
    }

    /// <summary>Creates a position from a 0-based offset (BAM <c>pos</c>, BED start, array index).</summary>
    public static Position FromZeroBased(int zeroBased) => new(checked(zeroBased + 1));

    /// <summary>The 0-based offset of this position.</summary>
    public int ZeroBased => Value - 1;

    /// <summary>The position <paramref name="delta"/> bases further along the contig.</summary>
    public Position Offset(int delta) => new(checked(Value + delta));

    /// <inheritdoc />
    public int CompareTo(Position other) => Value.CompareTo(other.Value);

    public static bool operator <(Position a, Position b) => a.Value < b.Value;
    public static bool operator >(Position a, Position b) => a.Value > b.Value;
    public static bool operator <=(Position a, Position b) => a.Value <= b.Value;
    public static bool operator >=(Position a, Position b) => a.Value >= b.Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
