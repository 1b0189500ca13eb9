using System.Globalization;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;

namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>
/// The built-in CRBN MANE Select transcript, NM_016302.4 (minus strand, 11 exons, CDS 1329 bp), for GRCh37 and GRCh38.
/// CDS exons come from the embedded <c>crbn_exons_grch37_grch38.tsv</c>; the UTR ends (exon 1 to 3,179,717 and exon 11
/// from 3,149,633 in GRCh38; GRCh37 = GRCh38 + 41,684 here) from <c>CRBN.md</c>. The model is checked when loaded.
/// </summary>
public static class CrbnTranscript
{
    /// <summary>The RefSeq accession of the MANE Select transcript.</summary>
    public const string TranscriptId = "NM_016302.4";

    /// <summary>The gene symbol.</summary>
    public const string GeneSymbol = "CRBN";

    /// <summary>The Entrez gene id.</summary>
    public const string EntrezGeneId = "51185";

    /// <summary>The contig, UCSC style (use <see cref="TranscriptModel.WithContig"/> for <c>3</c>).</summary>
    public const string Contig = "chr3";

    /// <summary>Expected CDS length, stop codon included (442 codons + stop).</summary>
    public const int ExpectedCdsLength = 1329;

    /// <summary>Expected number of exons.</summary>
    public const int ExpectedExonCount = 11;

    /// <summary>GRCh37 coordinate minus GRCh38 coordinate everywhere in the CRBN region (UCSC chain).</summary>
    public const int Grch37MinusGrch38 = 41_684;

    /// <summary>The exon skipped in the Δexon10 isoform.</summary>
    public const int Exon10 = 10;

    private const int Grch38TranscriptStart = 3_179_717; // 5' end of exon 1 (RefSeq)
    private const int Grch38TranscriptEnd = 3_149_633;   // 3' end of exon 11 (RefSeq)

    private static readonly Lazy<TranscriptModel> Grch37 = new(() => Load(GenomeBuild.GRCh37));
    private static readonly Lazy<TranscriptModel> Grch38 = new(() => Load(GenomeBuild.GRCh38));

    /// <summary>The model on one build (contig <c>chr3</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="build"/> is unknown.</exception>
    public static TranscriptModel For(GenomeBuild build) => build switch
    {
        GenomeBuild.GRCh37 => Grch37.Value,
        GenomeBuild.GRCh38 => Grch38.Value,
        _ => throw new ArgumentException("CRBN is built in for GRCh37 and GRCh38 only.", nameof(build)),
    };

    /// <summary>Exon 10 as it must be: 132 bp at GRCh38 chr3:3,152,456–3,152,587 (GRCh37 3,194,140–3,194,271).</summary>
    public static GenomicInterval ExpectedExon10(GenomeBuild build)
    {
        int shift = ShiftFromGrch38(build);
        return new GenomicInterval(Contig, new Position(3_152_456 + shift), new Position(3_152_587 + shift));
    }

    private static int ShiftFromGrch38(GenomeBuild build) => build switch
    {
        GenomeBuild.GRCh38 => 0,
        GenomeBuild.GRCh37 => Grch37MinusGrch38,
        _ => throw new ArgumentException("CRBN is built in for GRCh37 and GRCh38 only.", nameof(build)),
    };

    private static TranscriptModel Load(GenomeBuild build)
    {
        const string file = "crbn_exons_grch37_grch38.tsv";
        List<ExonRow> rows = ReadExonRows(file);
        int startColumn = build == GenomeBuild.GRCh38 ? 3 : 1;
        int shift = ShiftFromGrch38(build);

        List<GenomicInterval> cds = [];
        List<GenomicInterval> exons = [];
        foreach (ExonRow row in rows)
        {
            GenomicInterval coding = new(Contig, new Position(row.Coordinates[startColumn]), new Position(row.Coordinates[startColumn + 1]));
            cds.Add(coding);

            // Minus strand: exon 1's 5' UTR extends upwards, the last exon's 3' UTR downwards.
            Position start = row.Number == ExpectedExonCount ? new Position(Grch38TranscriptEnd + shift) : coding.Start;
            Position end = row.Number == 1 ? new Position(Grch38TranscriptStart + shift) : coding.End;
            exons.Add(new GenomicInterval(Contig, start, end));
        }

        TranscriptModel model = new(TranscriptId, GeneSymbol, Strand.Minus, exons, cds, EntrezGeneId);
        Validate(model, rows, build, file);
        return model;
    }

    private static void Validate(TranscriptModel model, List<ExonRow> rows, GenomeBuild build, string file)
    {
        void Check(bool ok, string what)
        {
            if (!ok)
            {
                throw new InvalidDataException($"Built-in CRBN model ({build}, {file}): {what}.");
            }
        }

        Check(model.Exons.Count == ExpectedExonCount, $"{model.Exons.Count} exons, expected {ExpectedExonCount}");
        Check(model.CdsLength == ExpectedCdsLength, $"CDS is {model.CdsLength} bp, expected {ExpectedCdsLength}");
        Exon exon10 = model.GetExon(Exon10);
        Check(exon10.Interval == ExpectedExon10(build) && exon10.Length == 132, $"exon 10 is {exon10.Interval}, expected {ExpectedExon10(build)} (132 bp)");
        Check(model.CodonCount - 1 == BuiltInResources.CrbnProtein.Length, $"{model.CodonCount - 1} codons before the stop, but the protein has {BuiltInResources.CrbnProtein.Length} residues");

        // Each exon's coding part must start and end at the c. positions the table states.
        foreach (ExonRow row in rows)
        {
            GenomicInterval coding = model.CdsIntervals[row.Number - 1];
            CdsPosition first = model.GetCdsPosition(coding.End);
            CdsPosition last = model.GetCdsPosition(coding.Start);
            Check(first.ToString() == row.CStart && last.ToString() == row.CEnd, $"exon {row.Number} maps to {first}..{last}, table says {row.CStart}..{row.CEnd}");
            Check(coding.Length == row.CdsLength, $"exon {row.Number} codes {coding.Length} bp, table says {row.CdsLength}");
        }
    }

    private static List<ExonRow> ReadExonRows(string file)
    {
        List<ExonRow> rows = [];
        foreach (string line in BuiltInResources.ReadText(file).Split('\n'))
        {
            string[] f = line.TrimEnd('\r').Split('\t');
            if (line.StartsWith('#') || f.Length < 8 || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                continue; // comments, the header and the intron section
            }

            if (rows.Count > 0 && number <= rows[^1].Number)
            {
                break; // the intron table that follows re-uses small numbers
            }

            int[] coords = [number, .. f[1..5].Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture))];
            rows.Add(new ExonRow(number, coords, int.Parse(f[5], CultureInfo.InvariantCulture), f[6], f[7]));
        }

        return rows;
    }

    private sealed record ExonRow(int Number, int[] Coordinates, int CdsLength, string CStart, string CEnd);
}
