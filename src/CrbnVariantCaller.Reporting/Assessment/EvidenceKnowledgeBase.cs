namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// The sources the assessment cites, as summarised in <c>shared/facts/CRBN.md</c>. Only what that file records is
/// stated here (author, journal, year, PMID where given); statements marked there as unconfirmed are worded as such.
/// </summary>
public sealed class EvidenceKnowledgeBase
{
    /// <summary>Key: CRBN genetic changes and their frequencies in IMiD-refractory myeloma.</summary>
    public const string Gooding2021 = "gooding2021";

    /// <summary>Key: UniProt Q96SW2 domains and residues.</summary>
    public const string UniProt = "uniprot_q96sw2";

    /// <summary>Key: CRBN expression quartiles and pomalidomide outcome.</summary>
    public const string LeukRes2014 = "leukres2014";

    /// <summary>Key: IKZF1, IKZF3, BSG expression and lenalidomide outcome (DSMM).</summary>
    public const string Dsmm2017 = "dsmm2017";

    /// <summary>Key: Ikaros protein in relapsed disease.</summary>
    public const string JHematolOncol2016 = "jho2016";

    /// <summary>Key: MCT1 (SLC16A1) expression.</summary>
    public const string Stroh2022 = "stroh2022";

    /// <summary>Key: ADAR1 and resistance.</summary>
    public const string Koh2025 = "koh2025";

    /// <summary>Key: miR-22 / MYC.</summary>
    public const string Caracciolo2021 = "caracciolo2021";

    /// <summary>Key: low clonal fraction of CRBN-pathway mutations (Myeloma XI).</summary>
    public const string MyelomaXi2021 = "myelomaxi2021";

    /// <summary>Key: NanoString study of Δexon10 and exon 8 loss.</summary>
    public const string NanoString = "nanostring_dex10";

    /// <summary>Key: the IMiD-14 signature.</summary>
    public const string Imid14 = "imid14";

    /// <summary>Key: germline ABCB1/VEGFA polymorphisms and lenalidomide maintenance in mantle cell lymphoma.</summary>
    public const string MclGermline = "mcl_germline";

    private readonly Dictionary<string, Citation> _byKey;

    /// <summary>Creates a knowledge base from a list of citations (keys must be unique).</summary>
    public EvidenceKnowledgeBase(IEnumerable<Citation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        _byKey = citations.ToDictionary(c => c.Key, StringComparer.Ordinal);
    }

    /// <summary>The built-in sources.</summary>
    public static EvidenceKnowledgeBase Default { get; } = new(
    [
        new(Gooding2021, "Gooding S et al., Blood 2021: CRBN point mutations, copy loss/structural change and the exon-10-deleted transcript in lenalidomide- and pomalidomide-refractory myeloma (frequencies as commonly quoted)"),
        new(UniProt, "UniProt Q96SW2 (CRBN_HUMAN): CULT (thalidomide-binding) domain 318-426; drug contacts H378, W380, W386; tri-Trp pocket W380, W386, W400; zinc ligands C323, C326, C391, C394; W386A and Y384A+W386A abolish drug binding"),
        new(LeukRes2014, "Leuk Res 2014 (PMID 24129344): lowest-quartile CRBN expression, PFS 3.0 vs 8.9 months on pomalidomide-dexamethasone"),
        new(Dsmm2017, "DSMM trial, Leukemia 2017: IKZF1, IKZF3 (Aiolos) and BSG (CD147) expression and PFS with lenalidomide"),
        new(JHematolOncol2016, "J Hematol Oncol 2016: Ikaros protein in relapsed disease (direction opposite to the RNA finding in NDMM)"),
        new(Stroh2022, "Stroh et al., Blood Adv 2022: high MCT1 (SLC16A1) expression, shorter PFS and OS on lenalidomide maintenance"),
        new(Koh2025, "Koh et al., Blood 2025: high ADAR1 expression associated with IMiD resistance (suppressed dsRNA/MDA5 interferon response)"),
        new(Caracciolo2021, "Caracciolo et al., Cancers 2021: low miR-22 / high MYC and poor lenalidomide response"),
        new(MyelomaXi2021, "Leukemia 2021 (Myeloma XI): CRBN-pathway mutations are often at low clonal fraction"),
        new(NanoString, "NanoString study of 74 myeloma samples (abstract): about 40% exon-10-deleted CRBN mRNA in 4 cases, 2 of them also lacking exon 8"),
        new(Imid14, "IMiD-14 score (ASH abstract): mean log2 adverse minus mean log2 favourable genes; gene list and cut-off not public, user-supplied"),
        new(MclGermline, "Lenalidomide maintenance in mantle cell lymphoma: ABCB1 and VEGFA polymorphisms associated with longer 3-year PFS (typed rsIDs unconfirmed)"),
    ]);

    /// <summary>Every citation.</summary>
    public IReadOnlyCollection<Citation> All => _byKey.Values;

    /// <summary>The printed text of the citations with these keys.</summary>
    /// <exception cref="KeyNotFoundException">A key is unknown.</exception>
    public IReadOnlyList<string> Texts(params string[] keys) =>
        keys.Select(k => _byKey.TryGetValue(k, out Citation? c) ? c.Text : throw new KeyNotFoundException($"no citation with key '{k}'")).ToList();
}
