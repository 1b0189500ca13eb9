using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Calling.Expression;
using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Bam.Index;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline.Analysis;

/// <summary>What the RNA of one sample shows.</summary>
public sealed record RnaFindings(
    StrandednessCall Strandedness,
    CrbnSplicingResult Splicing,
    GeneCountResult Expression,
    SnvCallSet ExpressedVariants,
    GermlineTypingResult? Germline);

/// <summary>
/// Runs the RNA part of <c>crbn call</c>: library strandedness, CRBN splicing (Δexon10 and every other junction),
/// biomarker gene counts normalised by the library size in the BAM index, and expressed CRBN variants.
/// </summary>
public sealed class RnaAnalysis(ComputeEngine engine, ILogger logger, int chunkReads = ReadChunks.DefaultMaxReads)
{
    /// <summary>Analyses one RNA BAM.</summary>
    /// <param name="rna">The RNA BAM, opened; its index gives the library size.</param>
    /// <param name="genome">Build and CRBN model for this BAM.</param>
    /// <param name="crbnReference">Reference bases over CRBN.</param>
    /// <param name="genes">The expression genes (built-in panel or a user GTF's models).</param>
    /// <param name="strandedness">The library type when the user knows it; detected when null.</param>
    /// <param name="germlineSites">Sites to type from RNA (only when there is no DNA), or null.</param>
    public RnaFindings Run(
        BamReader rna,
        GenomeContext genome,
        ReferenceSlice crbnReference,
        IReadOnlyList<TranscriptModel> genes,
        Strandedness? strandedness,
        GermlineSiteTable? germlineSites,
        string genesSource = "built-in gene models")
    {
        (StrandednessCall strand, GeneCountResult expression) = Quantify(rna, genome, genes, strandedness, genesSource);

        // One pass over the reads at CRBN: the expressed-variant pileups, and the splicing riding along.
        SnvReadSource crbnReads = SiteReads.Source(rna, genome.CrbnRegion, chunkReads);
        var splicingTally = new CrbnSplicingTally(engine, new CrbnSplicingAnalyzer(SplicingOptions.Default), genome.CrbnReferenceId, strand.Strandedness);
        SnvCallSet expressed = engine.CallSnvs(
            new SnvCaller(new SnvCallerOptions()),
            new SnvCallInput
            {
                Tumor = ReadBatch.Empty,
                Reference = crbnReference,
                ReferenceId = genome.CrbnReferenceId,
                Transcript = genome.Crbn,
                IsRna = true,
            },
            crbnReads,
            normal: null,
            eachTumorChunk: splicingTally.Add);
        CrbnSplicingResult splicing = splicingTally.Result(genome.Crbn, crbnReference);
        logger.LogInformation(
            "RNA: CRBN exon 10 skipping {Status}: psi {Psi:0.000} from {Skip} skip / {Inclusion} inclusion reads",
            splicing.Exon10.Status,
            splicing.Exon10.PsiSkipped,
            splicing.Exon10.SkipReads,
            splicing.Exon10.InclusionReads);

        GermlineTypingResult? germline = germlineSites is null
            ? null
            : DnaAnalysis.TypeGermline(rna, genome, germlineSites, engine, chunkReads);
        return new RnaFindings(strand, splicing, expression, expressed, germline);
    }

    /// <summary>
    /// Counts the expression genes (the reads over their merged spans, so no read is counted twice, streamed in bounded
    /// chunks), after detecting the library's strandedness unless the user gave it. Library size comes from the BAM index.
    /// </summary>
    /// <param name="rna">The RNA BAM.</param>
    /// <param name="genome">Its genome context.</param>
    /// <param name="genes">The genes to count.</param>
    /// <param name="strandedness">The library type when the user knows it; detected when null.</param>
    /// <param name="genesSource">Where <paramref name="genes"/> came from, named in errors (a GTF path, or "built-in models").</param>
    public (StrandednessCall Strandedness, GeneCountResult Expression) Quantify(
        BamReader rna,
        GenomeContext genome,
        IReadOnlyList<TranscriptModel> genes,
        Strandedness? strandedness,
        string genesSource = "built-in gene models")
    {
        ArgumentNullException.ThrowIfNull(rna);
        ArgumentNullException.ThrowIfNull(genome);
        string[] referenceNames = rna.Header.References.Select(r => r.Name).ToArray();

        // Gene models in the BAM's naming; genes on contigs the BAM lacks are reported as such by the quantifier.
        TranscriptModel[] named = genes
            .Select(g => genome.FindContig(g.Contig) is { } c ? g.WithContig(c) : g)
            .ToArray();
        ExpressionAnnotation annotation;
        try
        {
            annotation = ExpressionAnnotation.FromModels(named, referenceNames);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidInputFileException(genesSource, ex.Message, ex);
        }

        var geneReads = new ReadChunks(rna, MergedSpans(rna, named), chunkReads);

        (StrandednessCall strand, GeneCountResult expression) = engine.DetectAndQuantify(geneReads, annotation, strandedness, MappedReads(rna));
        logger.LogInformation("RNA: library {Label} ({Explanation})", strand.Label, strand.Explanation);
        logger.LogInformation("RNA {File}: {Assigned} reads or fragments assigned to {Genes} expression genes", rna.FilePath, expression.Profile.Genes.Sum(g => g.Counts ?? 0), named.Length);
        return (strand, expression);
    }

    /// <summary>The genes' spans on the BAM's contigs, sorted and with overlaps merged.</summary>
    private static IEnumerable<RegionSpec> MergedSpans(BamReader rna, IEnumerable<TranscriptModel> genes)
    {
        var spans = genes
            .Where(g => rna.Header.HasReference(g.Contig))
            .Select(g => (Id: rna.Header.GetReferenceId(g.Contig), g.Contig, Start: g.Span.Start.Value, End: g.Span.End.Value))
            .OrderBy(x => x.Id)
            .ThenBy(x => x.Start)
            .ToList();
        for (int i = 0; i < spans.Count;)
        {
            var current = spans[i];
            int j = i + 1;
            while (j < spans.Count && spans[j].Id == current.Id && spans[j].Start <= current.End + 1)
            {
                current.End = Math.Max(current.End, spans[j].End);
                j++;
            }

            yield return new RegionSpec(current.Contig, new Position(current.Start), new Position(current.End));
            i = j;
        }
    }

    /// <summary>Mapped reads over all contigs, from the index (as <c>samtools idxstats</c> reports them).</summary>
    private static long MappedReads(BamReader rna)
    {
        BamIndex index = rna.Index ?? rna.LoadIndex();
        long total = 0;
        for (int i = 0; i < rna.Header.References.Count; i++)
        {
            if (index.GetReferenceCounts(i) is { } counts)
            {
                total += (long)counts.Mapped;
            }
        }

        return total;
    }
}
