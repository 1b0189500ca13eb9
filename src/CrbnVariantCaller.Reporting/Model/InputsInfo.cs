namespace CrbnVariantCaller.Reporting.Model;

/// <summary>The files a report was computed from.</summary>
public sealed record InputsInfo
{
    /// <summary>The data files (DNA, normal, RNA, expression table, panel of normals, annotation).</summary>
    public IReadOnlyList<InputFile> Files { get; init; } = [];

    /// <summary>The reference FASTA.</summary>
    public InputFile? Reference { get; init; }
}
