namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// Byte offsets of the fixed fields of a BAM alignment record, counted from just after <c>block_size</c>
/// (SAM specification §4.2). Variable-length fields follow at <see cref="ReadName"/>.
/// </summary>
internal static class BamRecordLayout
{
    public const int RefId = 0;
    public const int Pos = 4;
    public const int LReadName = 8;
    public const int Mapq = 9;
    public const int Bin = 10;
    public const int NCigarOp = 12;
    public const int Flag = 14;
    public const int LSeq = 16;
    public const int NextRefId = 20;
    public const int NextPos = 24;
    public const int Tlen = 28;

    /// <summary>Offset of the NUL-terminated read name; also the size of the fixed part.</summary>
    public const int ReadName = 32;
}
