using System.IO.Compression;
using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Calling.Tests.Annotation;

/// <summary>The synthetic CRBN reference of testdata/ as annotator inputs, on GRCh38 and shifted to GRCh37 coordinates.</summary>
internal static class AnnotationWorld
{
    public const int SliceStart = 3_140_000;
    public const int SliceEnd = 3_190_000;

    private static readonly Lazy<byte[]> Grch38Bases = new(() =>
    {
        using IndexedFastaReader fasta = IndexedFastaReader.Open(Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz"));
        return fasta.Fetch(new GenomicInterval("chr3", new Position(SliceStart), new Position(SliceEnd)));
    });

    /// <summary>The reference slice on one build: GRCh37 reuses the synthetic sequence at GRCh38 + 41,684.</summary>
    public static ReferenceSlice Slice(GenomeBuild build) =>
        new("chr3", new Position(SliceStart + (build == GenomeBuild.GRCh37 ? CrbnTranscript.Grch37MinusGrch38 : 0)), Grch38Bases.Value);

    public static VariantAnnotator Annotator(GenomeBuild build) => new(CrbnTranscript.For(build), Slice(build));

    /// <summary>Truth records (INFO with HGVSC) of the committed truth VCFs.</summary>
    public static IEnumerable<TruthRecord> TruthRecords()
    {
        string[] files =
        [
            "dna/deep_panel/DEEP_TUMOR.truth.vcf.gz",
            "dna/tumor_normal_60x/TN60_TUMOR.truth.vcf.gz",
            "dna/tumor_normal_60x/TN60_NORMAL.truth.vcf.gz",
        ];
        var seen = new HashSet<string>();
        foreach (string file in files)
        {
            using var gz = new GZipStream(File.OpenRead(Path.Combine(RepoPaths.TestData, file)), CompressionMode.Decompress);
            using var text = new StreamReader(gz);
            while (text.ReadLine() is { } line)
            {
                if (line.StartsWith('#'))
                {
                    continue;
                }

                string[] f = line.Split('\t');
                Dictionary<string, string> info = f[7].Split(';').Where(x => x.Contains('='))
                    .ToDictionary(x => x[..x.IndexOf('=')], x => x[(x.IndexOf('=') + 1)..]);
                if (f[0] != "chr3" || !info.ContainsKey("HGVSC") || !seen.Add(f[1] + f[3] + f[4]))
                {
                    continue;
                }

                yield return new TruthRecord(info["LABEL"], int.Parse(f[1]), f[3], f[4], info["HGVSC"], info["HGVSP"], info["CSQ"]);
            }
        }
    }

    public sealed record TruthRecord(string Label, int Position, string Ref, string Alt, string HgvsC, string HgvsP, string Csq);
}
