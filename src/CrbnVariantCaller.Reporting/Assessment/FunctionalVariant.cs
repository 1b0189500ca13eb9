using System.Text.Json.Serialization;

namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>A CRBN variant whose loss of drug binding or of IMiD activity was shown in an assay, with its source (one row of a <see cref="FunctionalVariantTable"/>).</summary>
/// <param name="ProteinChange">HGVS p. as the report writes it, without parentheses (<c>p.Tyr384Ala</c>; combined engineered mutants joined with <c>+</c>).</param>
/// <param name="Residues">The residues it changes.</param>
/// <param name="Assay">The assay.</param>
/// <param name="Effect">What the assay showed.</param>
/// <param name="Pmid">PubMed identifier (a PMID or a DOI is required).</param>
/// <param name="Doi">DOI.</param>
public sealed record FunctionalVariant(string ProteinChange, IReadOnlyList<int> Residues, string Assay, string Effect, string? Pmid, string? Doi)
{
    /// <summary>The source as one line.</summary>
    [JsonIgnore]
    public string Source => string.Join("; ", new[] { Pmid is null ? null : $"PMID {Pmid}", Doi is null ? null : $"doi:{Doi}" }.OfType<string>());

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
