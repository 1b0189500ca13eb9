using System.IO.Compression;
using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Calling.Tests.Snv;

/// <summary>Runs the SNV caller on the committed testdata BAMs (CPU engine) and reads their truth VCFs.</summary>
internal static class SnvWorld
{
    private static readonly GenomicInterval Window = new("chr3", new Position(3_148_000), new Position(3_181_000));

    private static readonly Lazy<ReferenceSlice> ReferenceLazy = new(() =>
    {
        using IndexedFastaReader fasta = IndexedFastaReader.Open(Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz"));
        return new ReferenceSlice("chr3", Window.Start, fasta.Fetch(Window));
    });

    public static ReferenceSlice Reference => ReferenceLazy.Value;

    public static string Bam(string relative) => Path.Combine(RepoPaths.TestData, relative);

    public static (ReadBatch Batch, int ReferenceId) Load(string relativeBam)
    {
        using var reader = new BamReader(Bam(relativeBam));
        ReadBatch batch = BamBatchLoader.LoadRegion(reader, RegionSpec.Parse($"chr3:{Window.Start.Value}-{Window.End.Value}"));
        return (batch, reader.Header.GetReferenceId("chr3"));
    }

    public static SnvCallSet Call(string tumorBam, string? normalBam = null, bool rna = false, SnvCallerOptions? options = null)
    {
        using ComputeEngine engine = CpuCompute.Engine();
        return Call(engine, tumorBam, normalBam, rna, options);
    }

    /// <summary>Calls with the pileups counted on <paramref name="engine"/>.</summary>
    public static SnvCallSet Call(ComputeEngine engine, string tumorBam, string? normalBam = null, bool rna = false, SnvCallerOptions? options = null)
    {
        (ReadBatch tumor, int refId) = Load(tumorBam);
        ReadBatch? normal = normalBam is null ? null : Load(normalBam).Batch;
        return engine.CallSnvs(new SnvCaller(options ?? new SnvCallerOptions()), new SnvCallInput
        {
            Tumor = tumor,
            Normal = normal,
            Reference = Reference,
            ReferenceId = refId,
            Transcript = CrbnTranscript.For(GenomeBuild.GRCh38),
            IsRna = rna,
        });
    }

    /// <summary>The CRBN records of a truth VCF (chr3, inside the tested region: coding exons ± 8).</summary>
    public static List<Truth> TruthIn(string relativeVcf)
    {
        TranscriptModel crbn = CrbnTranscript.For(GenomeBuild.GRCh38);
        List<Truth> result = [];
        using var gz = new GZipStream(File.OpenRead(Bam(relativeVcf)), CompressionMode.Decompress);
        using var text = new StreamReader(gz);
        while (text.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            string[] f = line.Split('\t');
            int pos = int.Parse(f[1]);
            bool tested = crbn.CdsIntervals.Any(c => pos + f[3].Length - 1 >= c.Start.Value - 8 && pos <= c.End.Value + 8);
            if (f[0] != "chr3" || f[4].StartsWith('<') || !tested)
            {
                continue;
            }

            Dictionary<string, string> info = f[7].Split(';').Where(x => x.Contains('='))
                .ToDictionary(x => x[..x.IndexOf('=')], x => x[(x.IndexOf('=') + 1)..]);
            string[] format = f[8].Split(':');
            string[] sample = f[9].Split(':');
            double af = double.Parse(sample[Array.IndexOf(format, "AF")], System.Globalization.CultureInfo.InvariantCulture);
            result.Add(new Truth(info["LABEL"], pos, f[3], f[4], f[7].Split(';').Contains("SOMATIC"), af, info.GetValueOrDefault("HGVSC"), info.GetValueOrDefault("HGVSP")));
        }

        return result;
    }

    public static SnvVariant? Find(SnvCallSet calls, Truth t) =>
        calls.Variants.SingleOrDefault(v => v.Position.Value == t.Position && v.Ref == t.Ref && v.Alt == t.Alt);

    public sealed record Truth(string Label, int Position, string Ref, string Alt, bool Somatic, double RealisedVaf, string? HgvsC, string? HgvsP);
}
