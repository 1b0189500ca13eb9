using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Core.Samples;
using CrbnVariantCaller.Formats.Bam;

namespace CrbnVariantCaller.Pipeline.Inputs;

/// <summary>Where a sample's name comes from when the user gives none.</summary>
public static class SampleNames
{
    /// <summary>
    /// The sample ID of a call: <paramref name="given"/> (already checked where it was typed), else <see cref="Of"/>
    /// checked against <see cref="SampleIdRules"/>, so a hostile <c>@RG SM</c> is refused naming the BAM.
    /// </summary>
    /// <exception cref="InvalidInputFileException">The ID taken from the BAM is not acceptable.</exception>
    /// <exception cref="ArgumentException">The given ID is not acceptable.</exception>
    public static string Resolve(string? given, BamReader primary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        if (given is not null)
        {
            return SampleIdRules.FindProblem(given) is { } bad
                ? throw new ArgumentException($"sample ID '{SampleIdRules.Printable(given)}' {bad}", nameof(given))
                : given;
        }

        string id = Of(primary);
        return SampleIdRules.FindProblem(id) is { } problem
            ? throw new InvalidInputFileException(primary.FilePath, $"the sample ID taken from its @RG SM (or file name), '{SampleIdRules.Printable(id)}', {problem}; name the sample with --sample")
            : id;
    }

    /// <summary>The SM of the first <c>@RG</c> line, else the BAM's file name without extension.</summary>
    public static string Of(BamReader bam)
    {
        ArgumentNullException.ThrowIfNull(bam);
        foreach (string line in bam.Header.Text.Split('\n'))
        {
            if (line.StartsWith("@RG\t", StringComparison.Ordinal))
            {
                string? sm = line.Split('\t').FirstOrDefault(f => f.StartsWith("SM:", StringComparison.Ordinal));
                if (sm is { Length: > 3 })
                {
                    return sm[3..];
                }
            }
        }

        return Path.GetFileNameWithoutExtension(bam.FilePath);
    }
}
