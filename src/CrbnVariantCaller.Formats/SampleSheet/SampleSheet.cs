namespace CrbnVariantCaller.Formats.SampleSheet;

/// <summary>
/// A validated sample sheet for <c>crbn batch</c>: one <see cref="SampleSheetEntry"/> per data row, in file order,
/// with unique sample IDs. Read one with <see cref="SampleSheetReader"/>; the format is described in
/// <c>Formats/SampleSheet/README.md</c>.
/// </summary>
public sealed class SampleSheet
{
    /// <summary>Creates a sheet from entries already validated by <see cref="SampleSheetReader"/>.</summary>
    internal SampleSheet(string filePath, IReadOnlyList<SampleSheetEntry> entries)
    {
        FilePath = filePath;
        Entries = entries;
    }

    /// <summary>The sheet as the user named it.</summary>
    public string FilePath { get; }

    /// <summary>The samples, in file order.</summary>
    public IReadOnlyList<SampleSheetEntry> Entries { get; }

    /// <summary>The column names a sheet may have (<c>sample</c> is required), in documentation order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["sample", "dna", "normal", "rna", "expression", "annotation", "cohort", "signature", "setting", "exon10_cohort", "functional_variants"];
}
