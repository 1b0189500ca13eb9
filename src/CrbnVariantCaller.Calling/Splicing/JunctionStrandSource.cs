namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>Where the transcription strand of a spliced read (and so of its junction) comes from.</summary>
public enum JunctionStrandSource
{
    /// <summary>
    /// From the library type when it is stranded (read 1 antisense for dUTP, sense for ligation libraries), otherwise
    /// from the aligner's XS:A tag (as the batch loader records it), otherwise unknown.
    /// </summary>
    Auto = 0,

    /// <summary>Always from the library type; reads of an unstranded library get an unknown strand.</summary>
    LibraryType = 1,

    /// <summary>Always from the aligner's splice-strand tag (XS:A from HISAT2/STAR/TopHat); unknown without it.</summary>
    SpliceTag = 2,
}
