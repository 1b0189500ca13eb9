namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>Why a CRBN residue matters (UniProt Q96SW2 and the literature summarised in <c>CRBN.md</c>).</summary>
[Flags]
public enum ResidueRole
{
    /// <summary>No special role recorded.</summary>
    None = 0,

    /// <summary>Contacts the IMiD drug directly (H378, W380, W386).</summary>
    DrugContact = 1,

    /// <summary>Part of the tri-tryptophan pocket (W380, W386, W400).</summary>
    TriTryptophanPocket = 2,

    /// <summary>Coordinates the zinc ion (C323, C326, C391, C394).</summary>
    ZincBinding = 4,

    /// <summary>Engineered substitutions here abolish drug binding (Y384A, W386A).</summary>
    EngineeredBindingLoss = 8,

    /// <summary>Inside the CULT (thalidomide-binding) domain, residues 318–426.</summary>
    CultDomain = 16,

    /// <summary>The stop codon.</summary>
    Stop = 32,
}
