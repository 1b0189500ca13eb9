using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// Pileups of one sample at each quality band's lower bound (counted by the pipeline), so that every base count can be
/// split by band: band b holds the bases with <c>bound[b] ≤ Q &lt; bound[b+1]</c>. Band 0's pileup is the ordinary
/// filtered pileup (all bases at or above the minimum quality).
/// </summary>
internal sealed class QualityBands
{
    public QualityBands(IReadOnlyList<int> bounds, IReadOnlyList<PileupCounts> pileups)
    {
        Bounds = bounds;
        Pileups = pileups;
    }

    /// <summary>Lower bounds, ascending.</summary>
    public IReadOnlyList<int> Bounds { get; }

    /// <summary>One pileup per bound.</summary>
    public IReadOnlyList<PileupCounts> Pileups { get; }

    /// <summary>The pileup with every base at or above the minimum quality.</summary>
    public PileupCounts All => Pileups[0];

    public int Count => Bounds.Count;

    /// <summary>Count of <paramref name="channel"/> (both strands) in band <paramref name="band"/> at a window offset.</summary>
    public int InBand(int band, int offset, PileupChannel channel) =>
        Pileups[band].Get(offset, channel) - (band + 1 < Pileups.Count ? Pileups[band + 1].Get(offset, channel) : 0);

    /// <summary>A, C, G, T and N bases in band <paramref name="band"/> at an offset.</summary>
    public int BasesInBand(int band, int offset)
    {
        int total = 0;
        for (int c = 0; c <= (int)PileupChannel.N; c++)
        {
            total += InBand(band, offset, (PileupChannel)c);
        }

        return total;
    }

    /// <summary>The nominal per-read rate of one specific wrong base in a band: the Phred rate of its lower bound / 3.</summary>
    public double NominalRate(int band) => Math.Pow(10, -Bounds[band] / 10.0) / 3;

    /// <summary>
    /// The lowest rate a band may be given: the nominal rate of the best quality it can hold (the next band's bound,
    /// Q45 for the top band), so that the measured rate decides unless the data claim more than the qualities do.
    /// </summary>
    public double FloorRate(int band) => Math.Pow(10, -(band + 1 < Bounds.Count ? Bounds[band + 1] : Math.Max(45, Bounds[band])) / 10.0) / 3;
}
