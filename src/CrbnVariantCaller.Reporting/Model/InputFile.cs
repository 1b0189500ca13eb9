namespace CrbnVariantCaller.Reporting.Model;

/// <summary>One input file.</summary>
/// <param name="Role">What it is: <c>dna</c>, <c>normal</c>, <c>rna</c>, <c>expression</c>, <c>pon</c>, <c>annotation</c>, <c>reference</c>, ...</param>
/// <param name="Path">The path as given.</param>
public sealed record InputFile(string Role, string Path)
{
    /// <summary>SHA-256 of the file in lower-case hex, when computed.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Size in bytes, when known.</summary>
    public long? SizeBytes { get; init; }
}
