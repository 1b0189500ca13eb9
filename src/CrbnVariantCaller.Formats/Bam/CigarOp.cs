namespace CrbnVariantCaller.Formats.Bam;

/// <summary>A CIGAR operation code as stored in the low 4 bits of a BAM CIGAR word (SAM specification §4.2).</summary>
public enum CigarOp : byte
{
    /// <summary><c>M</c>: alignment match (consumes query and reference).</summary>
    Match = 0,

    /// <summary><c>I</c>: insertion to the reference (consumes query).</summary>
    Insertion = 1,

    /// <summary><c>D</c>: deletion from the reference (consumes reference).</summary>
    Deletion = 2,

    /// <summary><c>N</c>: skipped region, e.g. an intron (consumes reference).</summary>
    Skip = 3,

    /// <summary><c>S</c>: soft clip (consumes query).</summary>
    SoftClip = 4,

    /// <summary><c>H</c>: hard clip (consumes neither).</summary>
    HardClip = 5,

    /// <summary><c>P</c>: padding (consumes neither).</summary>
    Padding = 6,

    /// <summary><c>=</c>: sequence match (consumes query and reference).</summary>
    SequenceMatch = 7,

    /// <summary><c>X</c>: sequence mismatch (consumes query and reference).</summary>
    SequenceMismatch = 8,

    /// <summary><c>B</c>: htslib's legacy "back" operation (consumes neither); never valid in the spec.</summary>
    Back = 9,
}
