using System.Globalization;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>
/// The key CRBN residues (embedded <c>crbn_key_codons.tsv</c>): drug contacts H378, W380, W386; the tri-Trp pocket
/// W380, W386, W400; zinc ligands C323, C326, C391, C394; and others (A23, S339, R419, I426, the stop codon).
/// </summary>
public static class KnownCodons
{
    private static readonly Lazy<IReadOnlyList<KeyResidue>> AllLazy = new(Load);

    /// <summary>Every key residue, in codon order.</summary>
    public static IReadOnlyList<KeyResidue> All => AllLazy.Value;

    /// <summary>Finds a residue by codon number.</summary>
    public static KeyResidue? ByCodon(int codon) => All.FirstOrDefault(r => r.Codon == codon);

    /// <summary>Finds a residue by label (<c>W380</c>, case-insensitive).</summary>
    public static KeyResidue? ByLabel(string label) =>
        All.FirstOrDefault(r => string.Equals(r.Label, label, StringComparison.OrdinalIgnoreCase));

    /// <summary>The roles of a codon: those recorded for key residues plus <see cref="ResidueRole.CultDomain"/>.</summary>
    public static ResidueRole RolesOf(int codon) =>
        (ByCodon(codon)?.Roles ?? ResidueRole.None) | (CrbnDomains.IsInDrugBindingDomain(codon) ? ResidueRole.CultDomain : ResidueRole.None);

    private static ResidueRole RolesFor(string label) => label switch
    {
        "H378" => ResidueRole.DrugContact,
        "W380" => ResidueRole.DrugContact | ResidueRole.TriTryptophanPocket,
        "W386" => ResidueRole.DrugContact | ResidueRole.TriTryptophanPocket | ResidueRole.EngineeredBindingLoss,
        "W400" => ResidueRole.TriTryptophanPocket,
        "Y384" => ResidueRole.EngineeredBindingLoss,
        "C323" or "C326" or "C391" or "C394" => ResidueRole.ZincBinding,
        "stop" => ResidueRole.Stop,
        _ => ResidueRole.None,
    };

    private static IReadOnlyList<KeyResidue> Load()
    {
        const string file = "crbn_key_codons.tsv";
        List<KeyResidue> residues = [];
        foreach (string raw in BuiltInResources.ReadText(file).Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            string[] f = line.Split('\t');
            if (line.StartsWith('#') || f.Length < 5 || f[0] == "residue")
            {
                continue;
            }

            string label = f[0];
            char aa = label == "stop" ? '*' : label[0];
            int codon = label == "stop" ? CrbnTranscript.ExpectedCdsLength / 3 : int.Parse(label.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
            int cFirst = int.Parse(f[2].AsSpan(2, f[2].IndexOf('-') - 2), NumberStyles.None, CultureInfo.InvariantCulture);
            if (cFirst != (3 * codon) - 2)
            {
                throw new InvalidDataException($"Built-in {file}: {label} is at {f[2]}, which is not codon {codon}.");
            }

            residues.Add(new KeyResidue(label, aa, codon, f[1], ParsePositions(f[3]), ParsePositions(f[4]), RolesFor(label)));
        }

        return residues.OrderBy(r => r.Codon).ToArray();
    }

    private static Position[] ParsePositions(string text) =>
        text.Split(',').Select(s => new Position(int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture))).ToArray();
}
