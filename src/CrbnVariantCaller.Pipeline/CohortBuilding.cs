using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Expression;
using CrbnVariantCaller.Formats.Fasta;
using CrbnVariantCaller.Formats.Gtf;
using CrbnVariantCaller.Pipeline.Analysis;
using CrbnVariantCaller.Pipeline.Inputs;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline;

/// <summary>
/// <c>crbn cohort build</c>: quantifies the expression genes of each RNA BAM of a user's own cohort, exactly as
/// <c>crbn call</c> does, and writes the reference-cohort TSV that later calls rank samples against.
/// </summary>
public sealed class CohortBuilding(BackendSelector backends, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<CohortBuilding>();

    /// <summary>Builds and writes the cohort; returns the number of samples.</summary>
    public int Build(
        IReadOnlyList<string> rnaBams,
        string referencePath,
        string? annotationPath,
        string outPath,
        DeviceRequest device,
        int threads,
        string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(rnaBams);
        var sampleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        using IndexedFastaReader reference = IndexedFastaReader.Open(referencePath);
        using ComputeEngine engine = backends.Select(new ComputeOptions { Device = device });
        var rna = new RnaAnalysis(engine, loggers.CreateLogger<RnaAnalysis>());
        var builder = new CohortBuilder();
        for (int i = 0; i < rnaBams.Count; i++)
        {
            using var bam = new BamReader(rnaBams[i], threads);
            GenomeContext genome = GenomeContext.Resolve(bam, reference);
            IReadOnlyList<TranscriptModel> genes = annotationPath is null
                ? BuiltInGeneModels.PanelGenes(genome.Build)
                : TranscriptModelBuilder.Load(annotationPath);
            string id = SampleNames.Of(bam);
            if (sampleOf.TryGetValue(id, out string? first))
            {
                throw new Core.Errors.InvalidInputFileException(
                    rnaBams[i], $"sample {id} (from @RG SM or the file name) is already in the cohort from {first}; each cohort sample must be distinct");
            }

            sampleOf[id] = rnaBams[i];
            (_, GeneCountResult counts) = rna.Quantify(bam, genome, genes, strandedness: null, annotationPath ?? "built-in gene models");
            builder.Add(id, counts.Profile);
            _logger.LogInformation("cohort [{N}/{Total}] {Sample}: CRBN TPM {Tpm:0.0}", i + 1, rnaBams.Count, id, counts.Profile["CRBN"]?.Tpm);
        }

        ReferenceCohort cohort = builder.Build();
        ReferenceCohortTsv.Write(outPath, new ReferenceCohortTable(cohort.SampleIds, cohort.TpmByGene, cohort.TpmBasis, $"crbn {toolVersion} cohort build"));
        return cohort.SampleIds.Count;
    }
}
