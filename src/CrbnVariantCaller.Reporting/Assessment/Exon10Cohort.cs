using System.Globalization;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// A lab's reference cohort of Δexon10 PSI values (<c>--exon10-cohort FILE</c>), against which a sample's PSI is placed:
/// Δexon10 occurs at diagnosis too, so only a PSI whose 95% interval lies above the cohort's
/// <see cref="InterpretationRules.Exon10HighPercentile"/>th percentile is graded a likely mechanism.
/// The file is tab-separated: optional <c># name: TEXT</c> (else the file name names the cohort), other <c>#</c>
/// comments, a header row with a <c>psi_skipped</c> column (the report's field; other columns such as <c>sample</c> are
/// ignored), then one row per cohort sample; <c>NA</c> or an empty cell is a sample whose PSI was not assessable and is
/// left out. At least <see cref="MinimumSamples"/> values are needed.
/// </summary>
public sealed class Exon10Cohort
{
    /// <summary>The fewest PSI values that place a 95th percentile inside the cohort rather than at its edge.</summary>
    public const int MinimumSamples = 20;

    /// <summary>The column holding each cohort sample's PSI.</summary>
    public const string PsiColumn = "psi_skipped";

    private readonly double[] _sorted;

    private Exon10Cohort(string name, double[] sorted)
    {
        Name = name;
        _sorted = sorted;
    }

    /// <summary>The cohort's name.</summary>
    public string Name { get; }

    /// <summary>PSI values in the cohort.</summary>
    public int Count => _sorted.Length;

    /// <summary>Reads a cohort file.</summary>
    /// <exception cref="InvalidInputFileException">The file is unreadable or malformed (the message names the line).</exception>
    public static Exon10Cohort Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = UserTextFile.Read(path, "the Δexon10 cohort");

        return Parse(text, path, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses cohort text; <paramref name="path"/> names the file in errors, <paramref name="defaultName"/> the cohort when it has no <c># name:</c> line.</summary>
    /// <exception cref="InvalidInputFileException">The text is malformed.</exception>
    public static Exon10Cohort Parse(string text, string path, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(text);
        (Dictionary<string, string> meta, List<(int Line, Dictionary<string, string> Cells)> rows) =
            Tsv.Read(text, [PsiColumn], message => new InvalidInputFileException(path, message));
        var values = new List<double>();
        foreach ((int line, Dictionary<string, string> cells) in rows)
        {
            string cell = cells[PsiColumn];
            if (cell.Length == 0 || string.Equals(cell, "NA", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double psi) || !double.IsFinite(psi) || psi is < 0 or > 1)
            {
                throw new InvalidInputFileException(path, $"line {line}: {PsiColumn} '{cell}' is not a fraction between 0 and 1 (or NA)");
            }

            values.Add(psi);
        }

        if (values.Count < MinimumSamples)
        {
            throw new InvalidInputFileException(path, $"{values.Count} PSI value(s); a Δexon10 cohort needs at least {MinimumSamples} to place a high percentile");
        }

        values.Sort();
        return new Exon10Cohort(meta.TryGetValue("name", out string? name) && name.Length > 0 ? name : defaultName, [.. values]);
    }

    /// <summary>A cohort built from values (tests, and callers that hold the values already).</summary>
    public static Exon10Cohort FromValues(string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = [.. values.Order()];
        return sorted.Length >= MinimumSamples
            ? new Exon10Cohort(name, sorted)
            : throw new ArgumentException($"a Δexon10 cohort needs at least {MinimumSamples} values ({sorted.Length} given)", nameof(values));
    }

    /// <summary>Places <paramref name="psi"/> in the cohort, with the cohort's PSI at <paramref name="highPercentile"/>.</summary>
    public Exon10CohortComparison Compare(double psi, double highPercentile) => new()
    {
        Cohort = Name,
        Samples = _sorted.Length,
        Percentile = Percentile(psi),
        HighPercentile = highPercentile,
        HighPsi = Quantile(highPercentile),
    };

    /// <summary>The mid-rank (Hazen) percentile <c>100 × (below + equal/2) / N</c>, the method of the expression percentiles.</summary>
    public double Percentile(double psi)
    {
        int below = _sorted.Count(v => v < psi);
        int equal = _sorted.Count(v => v == psi);
        return 100.0 * (below + (equal / 2.0)) / _sorted.Length;
    }

    /// <summary>The Hazen quantile (the inverse of the mid-rank percentile): linear between order statistics at <c>N·p/100 + ½</c>.</summary>
    public double Quantile(double percentile)
    {
        double h = (_sorted.Length * percentile / 100.0) + 0.5;
        if (h <= 1)
        {
            return _sorted[0];
        }

        if (h >= _sorted.Length)
        {
            return _sorted[^1];
        }

        int lo = (int)Math.Floor(h);
        return _sorted[lo - 1] + ((h - lo) * (_sorted[lo] - _sorted[lo - 1]));
    }
}
