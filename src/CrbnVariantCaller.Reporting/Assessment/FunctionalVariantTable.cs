using System.Globalization;
using System.Text.RegularExpressions;
using CrbnVariantCaller.Core.Errors;

namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// A table of functionally tested CRBN variants: the curated one built in (<see cref="BuiltIn"/>,
/// <c>Assessment/Evidence/functionally_tested_crbn_variants.tsv</c>) or a lab's own (<c>--functional-variants FILE</c>,
/// <see cref="Read"/>), whose rows are added to the built-in ones. Tab-separated: <c>#</c> comments, a header row with
/// the columns <see cref="Columns"/>, one row per variant. Every row needs a PMID (digits) or a DOI (<c>10.…</c>), a
/// protein change in HGVS three-letter code as the report writes it (<c>p.Pro350Leu</c>, <c>p.Asn367ThrfsTer10</c>;
/// combined mutants joined with <c>+</c>; parentheses are dropped) and its residues (comma-separated, each part's first
/// residue among them).
/// </summary>
/// <param name="Name">The table's name: its file name.</param>
/// <param name="Variants">The rows.</param>
public sealed partial record FunctionalVariantTable(string Name, IReadOnlyList<FunctionalVariant> Variants)
{
    /// <summary>The file name of the built-in table.</summary>
    public const string BuiltInName = "functionally_tested_crbn_variants.tsv";

    /// <summary>The columns every table has.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["protein_change", "residues", "assay", "effect", "pmid", "doi"];

    /// <summary>The curated table built in.</summary>
    public static FunctionalVariantTable BuiltIn { get; } = Parse(EvidenceTable.ReadResource("crbn.functionally_tested_crbn_variants.tsv"), BuiltInName);

    /// <summary>Reads a lab's table, refusing it whole on the first bad line.</summary>
    /// <exception cref="InvalidInputFileException">The file is unreadable, has no rows, or a line is malformed (the message names the line).</exception>
    public static FunctionalVariantTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = UserTextFile.Read(path, "the table of functionally tested CRBN variants");

        FunctionalVariantTable table = Parse(text, Path.GetFileName(path), message => new InvalidInputFileException(path, message));
        return table.Variants.Count > 0 ? table : throw new InvalidInputFileException(path, "no variant rows under the header");
    }

    /// <summary>Parses a table's text; <paramref name="name"/> names it in errors and in the findings its rows set.</summary>
    /// <exception cref="InvalidDataException">A line is malformed (the message names the table and the line).</exception>
    public static FunctionalVariantTable Parse(string text, string name) =>
        Parse(text, name, message => new InvalidDataException($"{name}: {message}"));

    private static FunctionalVariantTable Parse(string text, string name, Func<string, Exception> fail)
    {
        ArgumentNullException.ThrowIfNull(text);
        (_, List<(int Line, Dictionary<string, string> Cells)> rows) = Tsv.Read(text, Columns, fail);
        return new FunctionalVariantTable(name, rows.Select(row => Row(row.Line, row.Cells, fail)).ToList());
    }

    private static FunctionalVariant Row(int line, Dictionary<string, string> r, Func<string, Exception> fail)
    {
        string change = r["protein_change"].Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
        string[] parts = change.Split('+');
        if (change.Length == 0 || !parts.All(p => ProteinChangePart().IsMatch(p)))
        {
            throw fail($"line {line}: protein_change '{r["protein_change"]}' is not an HGVS p. change in three-letter code as the report writes it (for example p.Pro350Leu or p.Asn367ThrfsTer10; combined mutants joined with '+')");
        }

        string? pmid = Tsv.OrNull(r["pmid"]), doi = Tsv.OrNull(r["doi"]);
        if (pmid is null && doi is null)
        {
            throw fail($"line {line}: {change} has neither a PMID nor a DOI (every row needs one)");
        }

        if (pmid is not null && !pmid.All(char.IsAsciiDigit))
        {
            throw fail($"line {line}: pmid '{pmid}' of {change} is not a PubMed number (digits only)");
        }

        if (doi is not null && !doi.StartsWith("10.", StringComparison.Ordinal))
        {
            throw fail($"line {line}: doi '{doi}' of {change} does not start with '10.' (write the DOI itself, without doi: or https://doi.org/)");
        }

        int[] residues = r["residues"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw fail($"line {line}: residue '{x}' of {change} is not a residue number"))
            .ToArray();
        int? missing = parts.Select(p => (int?)int.Parse(ProteinChangePart().Match(p).Groups["pos"].Value, CultureInfo.InvariantCulture))
            .FirstOrDefault(p => !residues.Contains(p!.Value));
        if (missing is not null)
        {
            throw fail($"line {line}: residues '{r["residues"]}' do not include residue {missing} of {change}");
        }

        if (r["assay"].Length == 0 || r["effect"].Length == 0)
        {
            throw fail($"line {line}: {change} needs the assay and the effect it showed");
        }

        return new FunctionalVariant(change, residues, r["assay"], r["effect"], pmid, doi);
    }

    private const string AminoAcid = "(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Sec|Pyl|Ter)";

    /// <summary>One HGVS p. change: substitution, synonymous, frameshift, deletion, duplication, insertion or deletion-insertion.</summary>
    [GeneratedRegex("^p\\." + AminoAcid + "(?<pos>[1-9][0-9]*)(?:" + AminoAcid + "|=|" + AminoAcid + "?fs(?:Ter[0-9]*|\\*[0-9]*)?"
        + "|(?:_" + AminoAcid + "[1-9][0-9]*)?(?:del|dup|ins" + AminoAcid + "+|delins" + AminoAcid + "+))$", RegexOptions.CultureInvariant)]
    private static partial Regex ProteinChangePart();
}
