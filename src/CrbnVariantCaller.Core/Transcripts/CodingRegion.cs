namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>Which part of the transcript an HGVS c. position is anchored in.</summary>
public enum CodingRegion
{
    /// <summary>Upstream of the start codon: <c>c.-N</c>.</summary>
    FivePrimeUtr = 1,

    /// <summary>Inside the coding sequence, start and stop codons included: <c>c.N</c>.</summary>
    Coding = 2,

    /// <summary>Downstream of the stop codon: <c>c.*N</c>.</summary>
    ThreePrimeUtr = 3,
}
