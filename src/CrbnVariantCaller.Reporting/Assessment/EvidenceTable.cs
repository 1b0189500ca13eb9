using System.Reflection;

namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// The versioned evidence table (<c>Assessment/Evidence/evidence.tsv</c>, embedded in this assembly): every source an
/// assessment statement cites, with its PMID and DOI, and the version and date the report prints. Tab-separated, <c>#</c>
/// comment lines, <c># version:</c> and <c># date:</c> header lines, then a header row naming the columns.
/// </summary>
public sealed class EvidenceTable
{
    /// <summary>Key: UniProt Q96SW2 domains and residues.</summary>
    public const string UniProt = "uniprot_q96sw2";

    /// <summary>Key: Y384A/W386A abolishes thalidomide binding (Ito 2010).</summary>
    public const string Ito2010 = "ito2010";

    /// <summary>Key: CRBN genetic changes at lenalidomide/pomalidomide refractoriness.</summary>
    public const string Gooding2021 = "gooding2021";

    /// <summary>Key: Δexon10 by NanoString, also at diagnosis (Blood Neoplasia 2024).</summary>
    public const string BloodNeoplasia2024 = "bneo2024";

    /// <summary>Key: Myeloma XI pathway mutations (low frequency, low clonal fraction).</summary>
    public const string MyelomaXi2021 = "myelomaxi2021";

    /// <summary>Key: CRBN expression quartiles and pomalidomide outcome.</summary>
    public const string LeukRes2014 = "leukres2014";

    /// <summary>Key: IKZF1/IKZF3/BSG RNA and lenalidomide outcome in NDMM (DSMM XII).</summary>
    public const string Dsmm2017 = "dsmm2017";

    /// <summary>Key: low IKZF1 and pomalidomide non-response in RRMM (Blood 2014, PMID 24914135).</summary>
    public const string Blood2014Ikzf1 = "blood2014_ikzf1";

    /// <summary>Key: IKZF1/3 protein in relapsed disease.</summary>
    public const string JHematolOncol2016 = "jho2016";

    /// <summary>Key: MCT1 and lenalidomide maintenance.</summary>
    public const string Stroh2022 = "stroh2022";

    /// <summary>Key: ADAR1 and lenalidomide resistance.</summary>
    public const string Koh2025 = "koh2025";

    /// <summary>Key: miR-22 / MYC.</summary>
    public const string Caracciolo2021 = "caracciolo2021";

    /// <summary>Key: the IMiD-14 signature.</summary>
    public const string Imid14 = "imid14";

    /// <summary>Key: ABCB1/VEGFA germline polymorphisms in mantle cell lymphoma.</summary>
    public const string MclGermline = "mcl_germline";

    /// <summary>Key: the AMP/ASCO/CAP tiering guideline.</summary>
    public const string Amp2017 = "amp2017";

    private readonly Dictionary<string, EvidenceSource> _byKey;

    /// <summary>Creates a table (keys must be unique).</summary>
    public EvidenceTable(string version, string date, IEnumerable<EvidenceSource> sources)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentException.ThrowIfNullOrEmpty(date);
        ArgumentNullException.ThrowIfNull(sources);
        Version = version;
        Date = date;
        Sources = sources.ToList();
        _byKey = Sources.ToDictionary(s => s.Key, StringComparer.Ordinal);
    }

    /// <summary>The table's version.</summary>
    public string Version { get; }

    /// <summary>The date of the version (ISO 8601).</summary>
    public string Date { get; }

    /// <summary>Every source, in table order.</summary>
    public IReadOnlyList<EvidenceSource> Sources { get; }

    /// <summary>The built-in table.</summary>
    public static EvidenceTable Default { get; } = Parse(ReadResource("crbn.evidence.tsv"), "evidence.tsv");

    /// <summary>The source with this key.</summary>
    /// <exception cref="KeyNotFoundException">The key is unknown.</exception>
    public EvidenceSource this[string key] => _byKey.TryGetValue(key, out EvidenceSource? s) ? s : throw new KeyNotFoundException($"no evidence source with key '{key}'");

    /// <summary>Parses the table's text.</summary>
    /// <exception cref="InvalidDataException">A header, the version/date lines or a row is malformed.</exception>
    public static EvidenceTable Parse(string text, string name)
    {
        (Dictionary<string, string> meta, List<(int Line, Dictionary<string, string> Cells)> rows) = Tsv.Read(
            text, ["key", "citation", "pmid", "doi", "identifier_checked", "evidence_setting", "note"], message => new InvalidDataException($"{name}: {message}"));
        List<EvidenceSource> sources = rows.Select(row => row.Cells).Select(r => new EvidenceSource(
            r["key"], r["citation"], Tsv.OrNull(r["pmid"]), Tsv.OrNull(r["doi"]), r["identifier_checked"] == "yes", r["evidence_setting"], r["note"])).ToList();
        return new EvidenceTable(
            meta.TryGetValue("version", out string? v) ? v : throw new InvalidDataException($"{name}: no '# version:' line"),
            meta.TryGetValue("date", out string? d) ? d : throw new InvalidDataException($"{name}: no '# date:' line"),
            sources);
    }

    internal static string ReadResource(string logicalName)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"embedded resource {logicalName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
