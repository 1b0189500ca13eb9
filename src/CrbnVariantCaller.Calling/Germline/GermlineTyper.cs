using System.Globalization;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;

namespace CrbnVariantCaller.Calling.Germline;

/// <summary>
/// Types germline SNPs from the pileups of DNA or RNA alignments: allele counts per site, a diploid genotype from a
/// simple per-base error model over the listed alleles, its quality and normalised PL values. The pileups are the
/// ones <see cref="PileupRequests"/> asks for (sites close together share one window), counted by the caller.
/// </summary>
/// <remarks>
/// The likelihood of genotype a/b is Π over counted bases x of (P(x|a) + P(x|b)) / 2 with P(x|a) = 1 − e when x = a
/// and e / 3 otherwise (e = <see cref="GermlineOptions.ErrorRate"/>). Genotype quality is the Phred-scaled posterior
/// probability of error under a flat prior. RNA allele counts may be skewed by allele-specific expression.
/// </remarks>
public sealed class GermlineTyper
{
    /// <summary>Sites closer than this share one pileup window.</summary>
    private const int MaxWindowSpan = 200_000;

    private readonly GermlineOptions _options;

    /// <summary>Creates a typer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public GermlineTyper(GermlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The pileups <see cref="Type"/> needs for <paramref name="table"/>: one per window of nearby sites on one reference.</summary>
    /// <param name="table">The sites.</param>
    /// <param name="referenceNames">The BAM's reference names by refID (<c>chr7</c> and <c>7</c> match each other).</param>
    public IReadOnlyList<PileupRequest> PileupRequests(GermlineSiteTable table, IReadOnlyList<string> referenceNames) =>
        Plan(table, referenceNames).Windows.Select(w => w.Request).ToList();

    /// <summary>Types every site of <paramref name="table"/>.</summary>
    /// <param name="table">The sites.</param>
    /// <param name="referenceNames">The BAM's reference names by refID (<c>chr7</c> and <c>7</c> match each other).</param>
    /// <param name="pileups">The pileups of <see cref="PileupRequests"/> for the same table and names, in the same order.</param>
    /// <exception cref="ArgumentException">The pileups are not the ones asked for.</exception>
    public GermlineTypingResult Type(GermlineSiteTable table, IReadOnlyList<string> referenceNames, IReadOnlyList<PileupCounts> pileups)
    {
        ArgumentNullException.ThrowIfNull(pileups);
        TypingPlan plan = Plan(table, referenceNames);
        if (pileups.Count != plan.Windows.Count)
        {
            throw new ArgumentException($"{plan.Windows.Count} pileup windows are needed, {pileups.Count} given", nameof(pileups));
        }

        GermlineGenotype?[] genotypes = plan.Genotypes;
        for (int w = 0; w < plan.Windows.Count; w++)
        {
            (List<(int Index, int RefId, GermlineSite Site)> sites, PileupRequest request) = plan.Windows[w];
            PileupCounts pileup = pileups[w];
            if (pileup.Window != request.Window)
            {
                throw new ArgumentException($"pileup {w} is not over the window asked for", nameof(pileups));
            }

            foreach (var (index, _, site) in sites)
            {
                genotypes[index] = Call(site, pileup, site.Position.Value - request.Window.Start.Value);
            }
        }

        return new GermlineTypingResult(genotypes.Select(g => g!).ToList(), table.Source);
    }

    /// <summary>The sites whose contig the header lacks (typed as missing) and the pileup windows over the others.</summary>
    private TypingPlan Plan(GermlineSiteTable table, IReadOnlyList<string> referenceNames)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(referenceNames);
        var genotypes = new GermlineGenotype?[table.Sites.Count];
        var located = new List<(int Index, int RefId, GermlineSite Site)>();
        for (int i = 0; i < table.Sites.Count; i++)
        {
            GermlineSite site = table.Sites[i];
            if (ContigNames.TryFindEquivalent(site.Contig, referenceNames, out string? match))
            {
                located.Add((i, IndexOf(referenceNames, match), site));
            }
            else
            {
                genotypes[i] = Missing(site, 0, new int[site.Alleles.Count], 0, $"contig {site.Contig} is not in the alignments' header");
            }
        }

        var windows = Windows(located)
            .Select(window => (window, new PileupRequest
            {
                Window = new ReferenceWindow(window[0].RefId, window[0].Site.Position, window[^1].Site.Position),
                Filter = new ReadFilter { MinMappingQuality = _options.MinMappingQuality },
                MinBaseQuality = _options.MinBaseQuality,
            }))
            .ToList();
        return new TypingPlan(genotypes, windows);
    }

    private GermlineGenotype Call(GermlineSite site, PileupCounts pileup, int offset)
    {
        int[] bases = new int[4];
        for (int b = 0; b < 4; b++)
        {
            bases[b] = pileup.Get(offset, (PileupChannel)b);
        }

        IReadOnlyList<char> alleles = site.Alleles;
        int[] alleleCounts = alleles.Select(a => bases[BaseIndex(a)]).ToArray();
        int depth = bases[0] + bases[1] + bases[2] + bases[3];
        int other = depth - alleleCounts.Sum();
        if (depth < _options.MinDepth)
        {
            return Missing(site, depth, alleleCounts, other, string.Create(CultureInfo.InvariantCulture, $"depth {depth} is below the minimum {_options.MinDepth}"));
        }

        // log10 likelihood of every unordered genotype j<=k, in VCF PL order (index k(k+1)/2 + j).
        double e = _options.ErrorRate;
        int n = alleles.Count;
        int genotypeCount = n * (n + 1) / 2;
        double[] logL = new double[genotypeCount];
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j <= k; j++)
            {
                double sum = 0;
                for (int b = 0; b < 4; b++)
                {
                    if (bases[b] == 0)
                    {
                        continue;
                    }

                    double pj = BaseIndex(alleles[j]) == b ? 1 - e : e / 3;
                    double pk = BaseIndex(alleles[k]) == b ? 1 - e : e / 3;
                    sum += bases[b] * Math.Log10((pj + pk) / 2);
                }

                logL[(k * (k + 1) / 2) + j] = sum;
            }
        }

        int best = 0;
        for (int g = 1; g < genotypeCount; g++)
        {
            if (logL[g] > logL[best])
            {
                best = g;
            }
        }

        double max = logL[best];
        int[] pl = logL.Select(l => (int)Math.Min(int.MaxValue / 2, Math.Round(-10 * (l - max)))).ToArray();
        double othersMass = logL.Where((_, g) => g != best).Sum(l => Math.Pow(10, l - max));
        double posteriorError = othersMass / (1 + othersMass);
        int gq = posteriorError <= 0
            ? _options.MaxGenotypeQuality
            : (int)Math.Min(_options.MaxGenotypeQuality, Math.Round(-10 * Math.Log10(posteriorError)));

        (int first, int second) = Unpack(best);
        return new GermlineGenotype(site, $"{first}/{second}", depth, alleleCounts, other, gq, pl, null);
    }

    private static GermlineGenotype Missing(GermlineSite site, int depth, int[] alleleCounts, int other, string reason) =>
        new(site, "./.", depth, alleleCounts, other, 0, [], reason);

    private static (int First, int Second) Unpack(int index)
    {
        int k = 0;
        while ((k + 1) * (k + 2) / 2 <= index)
        {
            k++;
        }

        return (index - (k * (k + 1) / 2), k);
    }

    private static int BaseIndex(char b) => char.ToUpperInvariant(b) switch
    {
        'A' => 0,
        'C' => 1,
        'G' => 2,
        'T' => 3,
        _ => throw new ArgumentException($"allele '{b}' is not A, C, G or T"),
    };

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Genotypes: filled for the sites not in the header, null for the others; windows: the others, grouped.</summary>
    private sealed record TypingPlan(
        GermlineGenotype?[] Genotypes,
        List<(List<(int Index, int RefId, GermlineSite Site)> Sites, PileupRequest Request)> Windows);

    /// <summary>Groups located sites into windows on one reference no wider than <see cref="MaxWindowSpan"/>.</summary>
    private static IEnumerable<List<(int Index, int RefId, GermlineSite Site)>> Windows(List<(int Index, int RefId, GermlineSite Site)> located)
    {
        List<(int Index, int RefId, GermlineSite Site)>? current = null;
        foreach (var item in located.OrderBy(l => l.RefId).ThenBy(l => l.Site.Position))
        {
            if (current is not null && (item.RefId != current[0].RefId || item.Site.Position.Value - current[0].Site.Position.Value > MaxWindowSpan))
            {
                yield return current;
                current = null;
            }

            current ??= [];
            current.Add(item);
        }

        if (current is not null)
        {
            yield return current;
        }
    }
}
