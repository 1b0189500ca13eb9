namespace CrbnVariantCaller.Formats.Bam;

/// <summary>The file does not start with the BAM magic <c>BAM\1</c> (after BGZF decompression).</summary>
public sealed class BamMagicException : BamFormatException
{
    /// <summary>Creates the exception; <paramref name="found"/> holds the bytes read instead of the magic.</summary>
    public BamMagicException(string filePath, ReadOnlySpan<byte> found)
        : base(filePath, $"not a BAM file: expected magic 'BAM\\1' but found {Describe(found)}")
    {
    }

    private static string Describe(ReadOnlySpan<byte> found)
    {
        if (found.IsEmpty)
        {
            return "an empty stream";
        }

        var sb = new System.Text.StringBuilder("'");
        foreach (byte b in found)
        {
            sb.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return sb.Append('\'').ToString();
    }
}
