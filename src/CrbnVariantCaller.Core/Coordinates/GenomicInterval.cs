namespace CrbnVariantCaller.Core.Coordinates;

/// <summary>A closed, 1-based interval on one contig: <c>contig:start-end</c>, both ends included.</summary>
public sealed record GenomicInterval
{
    public string Contig { get; }
    public Position Start { get; }
    public Position End { get; }

    public GenomicInterval(string contig, Position start, Position end)
    {
        ArgumentException.ThrowIfNullOrEmpty(contig);
        if (end < start)
        {
            throw new ArgumentException($"Interval end {end} is before start {start} on {contig}.", nameof(end));
        }

        Contig = contig;
        Start = start;
        End = end;
    }

    /// <summary>Number of bases covered.</summary>
    public int Length => End.Value - Start.Value + 1;

    /// <summary>True when <paramref name="position"/> lies inside this interval.</summary>
    public bool Contains(Position position) => position >= Start && position <= End;

    /// <summary>True when the two intervals share at least one base on the same contig.</summary>
    public bool Overlaps(GenomicInterval other) =>
        Contig == other.Contig && Start <= other.End && other.Start <= End;

    /// <summary>samtools style, with thousands separators: <c>chr3:3,149,633-3,179,717</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Contig}:{Start.Value:N0}-{End.Value:N0}");
}
