using System.Text;

namespace CrbnVariantCaller.Reporting.Output;

/// <summary>The file names of the output contract for one sample: <c>ID.vcf.gz</c>, <c>ID.report.json</c>, ...</summary>
public sealed record OutputNames
{
    private OutputNames(string stem) => Stem = stem;

    /// <summary>The file-name stem: the sample ID with characters unsafe in a file name replaced by <c>_</c>.</summary>
    public string Stem { get; }

    /// <summary><c>ID.vcf.gz</c>.</summary>
    public string VcfGz => Stem + ".vcf.gz";

    /// <summary><c>ID.vcf.gz.tbi</c>.</summary>
    public string Tabix => Stem + ".vcf.gz.tbi";

    /// <summary><c>ID.vcf</c> (plain-text option).</summary>
    public string Vcf => Stem + ".vcf";

    /// <summary><c>ID.report.json</c>.</summary>
    public string Json => Stem + ".report.json";

    /// <summary><c>ID.report.html</c>.</summary>
    public string Html => Stem + ".report.html";

    /// <summary>Names for a sample. Letters, digits, <c>.</c>, <c>-</c> and <c>_</c> are kept; anything else (a path separator,
    /// a space, markup) becomes <c>_</c>, and a leading dot is replaced so the file is never hidden.</summary>
    public static OutputNames ForSample(string sample)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sample);
        StringBuilder sb = new(sample.Length);
        foreach (char c in sample)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        if (sb[0] == '.')
        {
            sb[0] = '_';
        }

        return new OutputNames(sb.ToString());
    }
}
