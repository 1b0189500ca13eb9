using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// The per-read substitution error model: every quality band's rate of one specific wrong base is the rate measured
/// over the sample's own tested positions (sites whose alt fraction looks like a real variant are left out; one
/// pseudo-error is added), never below the nominal Phred rate of the band's best quality. Quality scores that promise more than the sequencer delivers (binned Q37 that
/// errs at 0.2 %) therefore cannot make noise significant at 2000x.
/// </summary>
internal sealed class BandErrorModel
{
    private readonly QualityBands _bands;

    private BandErrorModel(QualityBands bands, double[] rates)
    {
        _bands = bands;
        Rates = rates;
    }

    /// <summary>Per-band rate of one specific wrong base.</summary>
    public IReadOnlyList<double> Rates { get; }

    /// <summary>Estimates the rates from the tested offsets of <paramref name="bands"/>.</summary>
    public static BandErrorModel Estimate(QualityBands bands, IReadOnlyList<int> offsets, ReadOnlySpan<byte> referenceCodes, double maxBackgroundVaf)
    {
        long[] errors = new long[bands.Count];
        long[] trials = new long[bands.Count];
        for (int i = 0; i < offsets.Count; i++)
        {
            int offset = offsets[i];
            int refChannel = referenceCodes[i];
            if (refChannel > 3)
            {
                continue;
            }

            int depth = bands.All.Depth(offset);
            if (depth == 0)
            {
                continue;
            }

            for (int alt = 0; alt < 4; alt++)
            {
                if (alt == refChannel)
                {
                    continue;
                }

                int altTotal = bands.All.Get(offset, (PileupChannel)alt);
                if (altTotal >= 3 && (double)altTotal / depth > maxBackgroundVaf)
                {
                    continue; // looks like a real allele
                }

                for (int b = 0; b < bands.Count; b++)
                {
                    errors[b] += bands.InBand(b, offset, (PileupChannel)alt);
                    trials[b] += bands.BasesInBand(b, offset);
                }
            }
        }

        double[] rates = new double[bands.Count];
        for (int b = 0; b < bands.Count; b++)
        {
            double measured = trials[b] == 0 ? 0 : (errors[b] + 1.0) / (trials[b] + 1.0);
            rates[b] = Math.Max(bands.FloorRate(b), measured);
        }

        return new BandErrorModel(bands, rates);
    }

    /// <summary>P(at least <paramref name="altReads"/> reads show one specific wrong base at an offset by error).</summary>
    public double PValue(int offset, int altReads, int maxTested)
    {
        Span<int> n = stackalloc int[_bands.Count];
        for (int b = 0; b < n.Length; b++)
        {
            n[b] = _bands.BasesInBand(b, offset);
        }

        return PoissonBinomial.UpperTail(n, Rates.ToArray(), Math.Min(altReads, maxTested));
    }

    /// <summary>The fewest alt reads significant at <paramref name="threshold"/> at an offset (depth + 1 when none is).</summary>
    public int CriticalCount(int offset, double threshold)
    {
        int depth = _bands.All.Depth(offset);
        double[] rates = Rates.ToArray();
        Span<int> n = stackalloc int[_bands.Count];
        for (int b = 0; b < n.Length; b++)
        {
            n[b] = _bands.BasesInBand(b, offset);
        }

        // Tail probabilities fall with k; search upwards from the expectation.
        for (int k = 1; k <= depth; k++)
        {
            if (PoissonBinomial.UpperTail(n, rates, k) < threshold)
            {
                return k;
            }
        }

        return depth + 1;
    }
}
