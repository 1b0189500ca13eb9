using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// An insertion or deletion in VCF form, left-normalised as <see cref="SnvCaller"/> reports it: <see cref="Position"/>
/// is the anchor base, and <see cref="Ref"/> and <see cref="Alt"/> both start with it.
/// </summary>
/// <param name="Position">The anchor base (1-based).</param>
/// <param name="Ref">The reference allele, anchor included.</param>
/// <param name="Alt">The alternate allele, anchor included.</param>
public sealed record IndelAllele(Position Position, string Ref, string Alt)
{
    /// <summary>True for a simple insertion or deletion: one allele is the anchor alone and the other starts with it.</summary>
    public static bool IsSimpleIndel(string refAllele, string altAllele)
    {
        ArgumentNullException.ThrowIfNull(refAllele);
        ArgumentNullException.ThrowIfNull(altAllele);
        return refAllele.Length != altAllele.Length
            && (refAllele.Length == 1 || altAllele.Length == 1)
            && refAllele.Length > 0 && altAllele.Length > 0
            && refAllele[0] == altAllele[0];
    }
}
