using CrbnVariantCaller.Calling.Annotation;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Annotation;

/// <summary>HGVS p. of in-frame changes from the two protein sequences (3' rule for deletions).</summary>
public sealed class ProteinChangeTests
{
    [Theory]
    [InlineData("MSLLGY*", "MSGY*", "p.(Leu3_Leu4del)")]        // joint codon keeps residue 2: a deletion
    [InlineData("MSLLGY*", "MRY*", "p.(Ser2_Gly5delinsArg)")]    // joint codon encodes another residue: a delins
    [InlineData("MSLAY*", "MSAY*", "p.(Leu3del)")]
    [InlineData("MSLLAY*", "MSLAY*", "p.(Leu4del)")]             // a repeat: the most 3' copy is the one deleted
    [InlineData("MSLAY*", "MSWAY*", "p.(Leu3Trp)")]
    [InlineData("MSLAY*", "MS*", "p.(Leu3Ter)")]
    [InlineData("MSLAY*", "MSLAY*", "p.(=)")]
    public void InFrameChanges(string reference, string altered, string expected) =>
        Assert.Equal(expected, ProteinChange.Hgvs(reference, altered));
}
