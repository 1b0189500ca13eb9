namespace CrbnVariantCaller.Formats.Bam;

/// <summary>One reference sequence of a BAM header's binary reference list: its name and length in bases.</summary>
public sealed record SamReference(string Name, int Length);
