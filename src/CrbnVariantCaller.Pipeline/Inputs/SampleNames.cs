using CrbnVariantCaller.Formats.Bam;

namespace CrbnVariantCaller.Pipeline.Inputs;

/// <summary>Where a sample's name comes from when the user gives none.</summary>
public static class SampleNames
{
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
