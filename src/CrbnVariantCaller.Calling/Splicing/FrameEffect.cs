namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>How a junction changes the coding frame compared with the annotated transcript.</summary>
public enum FrameEffect
{
    /// <summary>The annotated transcript itself: nothing changes.</summary>
    None = 0,

    /// <summary>The change in transcript length is a multiple of 3.</summary>
    InFrame = 1,

    /// <summary>The change in transcript length is not a multiple of 3 and reaches the coding sequence.</summary>
    Frameshift = 2,

    /// <summary>Only untranslated sequence changes.</summary>
    NonCoding = 3,

    /// <summary>The change could not be placed on the transcript (e.g. a junction with an intronic donor far from any exon).</summary>
    Unknown = 4,
}
