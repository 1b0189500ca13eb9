namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>CRBN protein domains (UniProt Q96SW2, NP_057386.2 numbering).</summary>
public static class CrbnDomains
{
    /// <summary>First residue of the CULT (thalidomide-binding) domain.</summary>
    public const int CultStart = 318;

    /// <summary>Last residue of the CULT domain.</summary>
    public const int CultEnd = 426;

    /// <summary>First residue of the Lon N-terminal domain.</summary>
    public const int LonStart = 81;

    /// <summary>Last residue of the Lon N-terminal domain.</summary>
    public const int LonEnd = 319;

    /// <summary>True when the residue lies in the CULT (drug-binding) domain.</summary>
    public static bool IsInDrugBindingDomain(int codon) => codon is >= CultStart and <= CultEnd;
}
