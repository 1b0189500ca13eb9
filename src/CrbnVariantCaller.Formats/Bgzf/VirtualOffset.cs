namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// A BGZF virtual file offset (SAM specification §4.1.1): the compressed byte offset of a block's first byte in the
/// upper 48 bits and the offset into that block's uncompressed data in the lower 16 bits.
/// Virtual offsets order the same way as the data they point to, which is what BAI, CSI, tabix and .gzi indexes rely on.
/// </summary>
/// <param name="Value">The packed 64-bit value, <c>coffset &lt;&lt; 16 | uoffset</c>.</param>
public readonly record struct VirtualOffset(ulong Value) : IComparable<VirtualOffset>
{
    /// <summary>The largest compressed offset a virtual offset can hold (2^48 - 1).</summary>
    public const long MaxCompressedOffset = (1L << 48) - 1;

    /// <summary>The largest uncompressed offset a virtual offset can hold (2^16 - 1).</summary>
    public const int MaxUncompressedOffset = ushort.MaxValue;

    /// <summary>Packs a block's compressed offset and an offset into its uncompressed data.</summary>
    /// <param name="compressedOffset">Byte offset of the block's first byte in the compressed file, 0 to 2^48 - 1.</param>
    /// <param name="uncompressedOffset">Offset into the block's uncompressed data, 0 to 65535.</param>
    public VirtualOffset(long compressedOffset, int uncompressedOffset)
        : this(Pack(compressedOffset, uncompressedOffset))
    {
    }

    /// <summary>Byte offset, in the compressed file, of the first byte of the block this offset points into.</summary>
    public long CompressedOffset => (long)(Value >> 16);

    /// <summary>Offset into the uncompressed data of that block.</summary>
    public int UncompressedOffset => (int)(Value & 0xFFFF);

    /// <inheritdoc />
    public int CompareTo(VirtualOffset other) => Value.CompareTo(other.Value);

    /// <summary>True when <paramref name="left"/> points before <paramref name="right"/>.</summary>
    public static bool operator <(VirtualOffset left, VirtualOffset right) => left.Value < right.Value;

    /// <summary>True when <paramref name="left"/> points after <paramref name="right"/>.</summary>
    public static bool operator >(VirtualOffset left, VirtualOffset right) => left.Value > right.Value;

    /// <summary>True when <paramref name="left"/> points before or at <paramref name="right"/>.</summary>
    public static bool operator <=(VirtualOffset left, VirtualOffset right) => left.Value <= right.Value;

    /// <summary>True when <paramref name="left"/> points at or after <paramref name="right"/>.</summary>
    public static bool operator >=(VirtualOffset left, VirtualOffset right) => left.Value >= right.Value;

    /// <summary>Formats as <c>coffset:uoffset</c>, which is how error messages and logs show it.</summary>
    public override string ToString() => $"{CompressedOffset}:{UncompressedOffset}";

    private static ulong Pack(long compressedOffset, int uncompressedOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(compressedOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(compressedOffset, MaxCompressedOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(uncompressedOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(uncompressedOffset, MaxUncompressedOffset);
        return ((ulong)compressedOffset << 16) | (uint)uncompressedOffset;
    }
}
