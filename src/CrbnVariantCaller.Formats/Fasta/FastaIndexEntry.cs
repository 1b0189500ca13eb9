namespace CrbnVariantCaller.Formats.Fasta;

/// <summary>One line of a <c>.fai</c> index (samtools faidx).</summary>
/// <param name="Name">Contig name: the first word of the header line.</param>
/// <param name="Length">Number of bases.</param>
/// <param name="Offset">Byte offset of the first base (in the uncompressed data for a bgzipped FASTA).</param>
/// <param name="LineBases">Bases per full line.</param>
/// <param name="LineWidth">Bytes per full line, line terminator included.</param>
public sealed record FastaIndexEntry(string Name, long Length, long Offset, int LineBases, int LineWidth)
{
    /// <summary>The byte offset (uncompressed) of the base at 0-based position <paramref name="zeroBased"/>.</summary>
    public long OffsetOf(long zeroBased) => Offset + (zeroBased / LineBases * LineWidth) + (zeroBased % LineBases);

    /// <summary>The <c>.fai</c> line, tab-separated, without a terminator.</summary>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{Name}\t{Length}\t{Offset}\t{LineBases}\t{LineWidth}");
}
