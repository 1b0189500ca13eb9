namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>A CRBN variant whose loss of drug binding or of IMiD activity was shown in an assay, with its source.</summary>
/// <param name="ProteinChange">HGVS p. as the report writes it (<c>p.Tyr384Ala</c>; combined engineered mutants joined with <c>+</c>).</param>
/// <param name="Residues">The residues it changes.</param>
/// <param name="Assay">The assay.</param>
/// <param name="Effect">What the assay showed.</param>
/// <param name="Pmid">PubMed identifier (a PMID or a DOI is required).</param>
/// <param name="Doi">DOI.</param>
public sealed record FunctionalVariant(string ProteinChange, IReadOnlyList<int> Residues, string Assay, string Effect, string? Pmid, string? Doi)
{
    /// <summary>The source as one line.</summary>
    public string Source => string.Join("; ", new[] { Pmid is null ? null : $"PMID {Pmid}", Doi is null ? null : $"doi:{Doi}" }.OfType<string>());

    /// <summary>The curated table built in (<c>Assessment/Evidence/functionally_tested_crbn_variants.tsv</c>).</summary>
    public static IReadOnlyList<FunctionalVariant> BuiltIn { get; } = Parse(EvidenceTable.ReadResource("crbn.functionally_tested_crbn_variants.tsv"), "functionally_tested_crbn_variants.tsv");

    /// <summary>Parses a table of functionally tested variants.</summary>
    /// <exception cref="InvalidDataException">A row lacks both PMID and DOI, or is malformed.</exception>
    public static IReadOnlyList<FunctionalVariant> Parse(string text, string name)
    {
        (_, List<Dictionary<string, string>> rows) = Tsv.Read(text, name, ["protein_change", "residues", "assay", "effect", "pmid", "doi"]);
        return rows.Select(r =>
        {
            string? pmid = Tsv.OrNull(r["pmid"]), doi = Tsv.OrNull(r["doi"]);
            if (pmid is null && doi is null)
            {
                throw new InvalidDataException($"{name}: {r["protein_change"]} has neither a PMID nor a DOI");
            }

            int[] residues = r["residues"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(x => int.TryParse(x, out int n) ? n : throw new InvalidDataException($"{name}: residue '{x}' of {r["protein_change"]} is not a number")).ToArray();
            return new FunctionalVariant(r["protein_change"], residues, r["assay"], r["effect"], pmid, doi);
        }).ToList();
    }

    /// <summary>True when the report's HGVS p. (with or without parentheses) is this variant; a part of a combined mutant is not.</summary>
    public bool Matches(string? hgvsP)
    {
        if (string.IsNullOrEmpty(hgvsP))
        {
            return false;
        }

        string bare = hgvsP.Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
        return string.Equals(ProteinChange, bare, StringComparison.Ordinal);
    }
}
