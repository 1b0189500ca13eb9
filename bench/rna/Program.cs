// Gene counting as crbn does it (BAM -> read batch -> strandedness -> feature-count kernel), timed end to end,
// printing featureCounts-style "gene<TAB>count" lines so run.sh can compare them with featureCounts.
using System.Diagnostics;
using System.Globalization;
using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bam.Index;
using CrbnVariantCaller.Formats.Gtf;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;
using Microsoft.Extensions.Logging.Abstractions;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: CrbnRnaCountBench BAM GTF [--strand auto|0|1|2] [--threads N] [--device auto|cpu|opencl|cuda]");
    return 2;
}

string bam = args[0], gtf = args[1];
string strandArg = Option("--strand") ?? "auto";
int threads = int.Parse(Option("--threads") ?? "1", CultureInfo.InvariantCulture);
string device = Option("--device") ?? "cpu";

var total = Stopwatch.StartNew();
var models = TranscriptModelBuilder.Load(gtf);
using var reader = new BamReader(bam, threads);
BamIndex index = reader.LoadIndex();
var names = reader.Header.References.Select(r => r.Name).ToList();
long mapped = Enumerable.Range(0, names.Count).Sum(i => (long)(index.GetReferenceCounts(i)?.Mapped ?? 0));
var load = Stopwatch.StartNew();
ReadBatch batch = BamBatchLoader.LoadAll(reader);
load.Stop();

using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance)
    .Select(new ComputeOptions { Device = ComputeOptions.ParseDevice(device), CpuThreads = threads });
ExpressionAnnotation annotation = ExpressionAnnotation.FromModels(models, names);
var count = Stopwatch.StartNew();
StrandednessCall strand = strandArg == "auto"
    ? engine.DetectStrandedness(batch, annotation)
    : StrandednessCall.FromUser((Strandedness)int.Parse(strandArg, CultureInfo.InvariantCulture));
GeneCountResult result = engine.QuantifyGenes(batch, annotation, strand, mapped);
count.Stop();
total.Stop();

foreach (GeneExpression g in result.Profile.Genes)
{
    Console.WriteLine(FormattableString.Invariant($"{g.Symbol}\t{g.Counts}"));
}

Console.Error.WriteLine(FormattableString.Invariant(
    $"# {batch.Count} records; strand {strand.Label} ({strand.Source}); {(result.CountedFragments ? "fragments" : "reads")}; backend {engine.Primary.Kind} ({engine.Primary.DeviceName}), {engine.FallbackEvents.Count} fallback(s)"));
Console.Error.WriteLine(FormattableString.Invariant(
    $"# load {load.Elapsed.TotalMilliseconds:F0} ms, strand+count {count.Elapsed.TotalMilliseconds:F0} ms, total in-process {total.Elapsed.TotalMilliseconds:F0} ms"));
return 0;

string? Option(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
