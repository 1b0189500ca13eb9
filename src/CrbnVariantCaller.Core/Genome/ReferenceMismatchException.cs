using System.Globalization;
using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Core.Genome;

/// <summary>
/// The reference FASTA is not the one the BAM was aligned to: a contig has another length, or is missing.
/// The message names the reference file, the contig and both lengths, for example
/// <c>reference does not match the BAM: chr3 is 198,022,430 bp in hg19.fa but 198,295,559 bp in the BAM header</c>.
/// </summary>
public sealed class ReferenceMismatchException : InvalidInputFileException
{
    /// <summary>Creates the exception for the first mismatch; <paramref name="otherMismatches"/> more are counted in the message.</summary>
    public ReferenceMismatchException(string referencePath, ContigMismatch mismatch, int otherMismatches = 0, string? hint = null)
        : base(referencePath, Describe(referencePath, mismatch, otherMismatches, hint))
    {
        Mismatch = mismatch;
    }

    /// <summary>The (first) contig that does not match.</summary>
    public ContigMismatch Mismatch { get; }

    /// <summary>The contig name in the BAM header.</summary>
    public string Contig => Mismatch.BamContig;

    /// <summary>The length in the BAM header.</summary>
    public long BamLength => Mismatch.BamLength;

    /// <summary>The length in the reference, or null when the contig is missing there.</summary>
    public long? ReferenceLength => Mismatch.ReferenceLength;

    private static string Describe(string referencePath, ContigMismatch m, int others, string? hint)
    {
        string file = Path.GetFileName(referencePath);
        string named = m.ReferenceContig is { } rc && rc != m.BamContig ? $" (named {rc} there)" : string.Empty;
        string text = m.Kind switch
        {
            ContigMismatchKind.LengthDiffers => string.Create(
                CultureInfo.InvariantCulture,
                $"reference does not match the BAM: {m.BamContig} is {m.ReferenceLength:N0} bp in {file}{named} but {m.BamLength:N0} bp in the BAM header"),
            _ => string.Create(
                CultureInfo.InvariantCulture,
                $"reference does not match the BAM: {m.BamContig} ({m.BamLength:N0} bp in the BAM header) is not in {file}"),
        };
        if (others > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {others} more contig{(others == 1 ? string.Empty : "s")} differ");
        }

        if (!string.IsNullOrEmpty(hint))
        {
            text += "; " + hint;
        }

        return text;
    }
}
