namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>One row of the evidence table: a published source an assessment statement cites.</summary>
/// <param name="Key">Stable key used by the rules (<c>gooding2021</c>).</param>
/// <param name="Citation">The reference as the report prints it.</param>
/// <param name="Pmid">PubMed identifier; null when the source has none recorded.</param>
/// <param name="Doi">DOI; null when the source has none recorded.</param>
/// <param name="IdentifierChecked">True when the PMID/DOI was read in a public record when the table version was made.</param>
/// <param name="EvidenceSetting">The population the evidence comes from (newly diagnosed, relapsed, maintenance, another disease).</param>
/// <param name="Note">What the source shows, or why it has no identifier.</param>
public sealed record EvidenceSource(string Key, string Citation, string? Pmid, string? Doi, bool IdentifierChecked, string EvidenceSetting, string Note)
{
    /// <summary>The citation with its identifiers, as one line (<c>… PMID 24129344; doi:10.1016/…</c>).</summary>
    public string Text
    {
        get
        {
            string ids = string.Join("; ", new[] { Pmid is null ? null : $"PMID {Pmid}", Doi is null ? null : $"doi:{Doi}" }.OfType<string>());
            return ids.Length == 0 ? $"{Citation} (no PMID/DOI: {Note})" : $"{Citation}. {ids}{(IdentifierChecked ? string.Empty : " (identifier to be confirmed)")}";
        }
    }
}
