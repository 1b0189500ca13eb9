// Usage: crbn-snv-harness TUMOR.bam REFERENCE.fa[.gz] OUT.tsv [--normal NORMAL.bam] [--rna] [--device cpu|opencl|cuda|auto]
// Writes one line per call: chrom pos ref alt filter vaf depth alt_reads pvalue hgvs_c hgvs_p consequence, after a
// '#' header; prints timing and the backend to stderr.
using System.Diagnostics;
using System.Globalization;
using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Batches;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Pipeline.Ingest;
using Microsoft.Extensions.Logging.Abstractions;

var clock = Stopwatch.StartNew();
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: crbn-snv-harness TUMOR.bam REFERENCE.fa[.gz] OUT.tsv [--normal NORMAL.bam] [--rna] [--device D]");
    return 2;
}

string tumorPath = args[0];
string referencePath = args[1];
string outPath = args[2];
string? normalPath = null;
bool rna = false;
DeviceRequest device = DeviceRequest.Cpu;
for (int i = 3; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--normal": normalPath = args[++i]; break;
        case "--rna": rna = true; break;
        case "--device": device = ComputeOptions.ParseDevice(args[++i]); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

using var tumorReader = new BamReader(tumorPath);
GenomeBuild build = GenomeBuildDetector.Detect(tumorReader.Header.References.Select(r => new ContigInfo(r.Name, r.Length))).Build;
TranscriptModel crbn = CrbnTranscript.For(build == GenomeBuild.GRCh37 ? GenomeBuild.GRCh37 : GenomeBuild.GRCh38);
string contig = tumorReader.Header.HasReference("chr3") ? "chr3" : "3";
crbn = crbn.WithContig(contig);
var window = new GenomicInterval(contig, crbn.Span.Start.Offset(-1000), crbn.Span.End.Offset(1000));
using IndexedFastaReader fasta = IndexedFastaReader.Open(referencePath);
var reference = new ReferenceSlice(contig, window.Start, fasta.Fetch(window));
var region = RegionSpec.Parse($"{contig}:{window.Start.Value}-{window.End.Value}");
ReadBatch tumor = BamBatchLoader.LoadRegion(tumorReader, region);
ReadBatch? normal = null;
if (normalPath is not null)
{
    using var normalReader = new BamReader(normalPath);
    normal = BamBatchLoader.LoadRegion(normalReader, region);
}

double loaded = clock.Elapsed.TotalMilliseconds;
using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = device });
var caller = new SnvCaller(engine, new SnvCallerOptions());
SnvCallSet calls = caller.Call(new SnvCallInput
{
    Tumor = tumor,
    Normal = normal,
    Reference = reference,
    ReferenceId = tumorReader.Header.GetReferenceId(contig),
    Transcript = crbn,
    IsRna = rna,
});
double called = clock.Elapsed.TotalMilliseconds;

string tmp = outPath + ".tmp";
using (var w = new StreamWriter(tmp))
{
    w.WriteLine("#chrom\tpos\tref\talt\tfilter\tvaf\tdepth\talt_reads\tpvalue\thgvs_c\thgvs_p\tconsequence");
    foreach (SnvVariant v in calls.Variants)
    {
        VariantAnnotation? a = v.Annotation;
        w.WriteLine(string.Join('\t', v.Contig, v.Position.Value.ToString(CultureInfo.InvariantCulture), v.Ref, v.Alt, v.FilterText,
            v.Vaf.ToString("0.0000", CultureInfo.InvariantCulture), v.Depth.ToString(CultureInfo.InvariantCulture),
            v.AltCounts.Total.ToString(CultureInfo.InvariantCulture), v.PValue.ToString("0.00e+00", CultureInfo.InvariantCulture),
            a?.HgvsC ?? ".", a?.HgvsP ?? ".", a?.ConsequenceTerms ?? "."));
    }
}

File.Move(tmp, outPath, overwrite: true);
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Path.GetFileName(tumorPath)}: {tumor.Count} reads, {calls.Variants.Count} calls ({calls.Variants.Count(v => v.IsPass)} PASS), backend {calls.Backend} ({calls.Device}), error rates [{string.Join(", ", calls.BandErrorRates.Select(r => r.ToString("0.0e+00", CultureInfo.InvariantCulture)))}], tests {calls.Tests}, mean depth {calls.Qc.MeanDepth:0.0}, not assessable {calls.NotAssessable.Count} runs; load {loaded:0} ms, call {called - loaded:0} ms, total {clock.Elapsed.TotalMilliseconds:0} ms"));
return 0;
