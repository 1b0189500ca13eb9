using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Calling.Germline;
using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Pipeline.Counting;
using CrbnVariantCaller.Pipeline.Ingest;
using Microsoft.Extensions.Logging;

namespace CrbnVariantCaller.Pipeline.Analysis;

/// <summary>What the DNA of one sample shows: CRBN point mutations and germline genotypes.</summary>
public sealed record DnaFindings(SnvCallSet Calls, GermlineTypingResult? Germline);

/// <summary>
/// Runs the DNA part of <c>crbn call</c>: streams the reads over CRBN (tumour and normal) in bounded chunks through the
/// pileup kernels, loads only the reads at the sites the caller examines read by read, calls SNVs and indels, and types
/// the germline sites from the normal (or the tumour when there is no normal).
/// </summary>
public sealed class DnaAnalysis(ComputeEngine engine, ILogger logger, int chunkReads = ReadChunks.DefaultMaxReads)
{
    /// <summary>Bases either side of a germline site whose reads are loaded.</summary>
    public const int GermlineFlank = 300;

    /// <summary>Analyses the tumour (and normal) BAM.</summary>
    /// <param name="tumor">The tumour BAM.</param>
    /// <param name="normal">The matched normal BAM and its own header's view of the genome (contig names and order may differ).</param>
    /// <param name="genome">The tumour's genome context.</param>
    /// <param name="crbnReference">Reference bases over CRBN.</param>
    /// <param name="sites">Germline sites to type, or null.</param>
    public DnaFindings Run(
        BamReader tumor,
        (BamReader Bam, GenomeContext Genome)? normal,
        GenomeContext genome,
        ReferenceSlice crbnReference,
        GermlineSiteTable? sites)
    {
        ArgumentNullException.ThrowIfNull(tumor);
        ArgumentNullException.ThrowIfNull(genome);
        SnvCallSet calls = engine.CallSnvs(
            new SnvCaller(new SnvCallerOptions()),
            new SnvCallInput
            {
                Tumor = ReadBatch.Empty,
                Reference = crbnReference,
                ReferenceId = genome.CrbnReferenceId,
                NormalReferenceId = normal?.Genome.CrbnReferenceId,
                Transcript = genome.Crbn,
                IsRna = false,
            },
            SiteReads.Source(tumor, genome.CrbnRegion, chunkReads),
            normal is { } n ? SiteReads.Source(n.Bam, n.Genome.CrbnRegion, chunkReads) : null);
        logger.LogInformation(
            "DNA: {Reads} tumour reads over CRBN; {Pass} PASS variant(s), {Filtered} filtered, on {Backend}",
            calls.Qc.Reads,
            calls.Variants.Count(v => v.IsPass),
            calls.Variants.Count(v => !v.IsPass),
            engine.Primary.Kind.OptionName());

        GermlineTypingResult? germline = sites is null
            ? null
            : normal is { } germlineSource
                ? TypeGermline(germlineSource.Bam, germlineSource.Genome, sites, engine, chunkReads)
                : TypeGermline(tumor, genome, sites, engine, chunkReads);
        return new DnaFindings(calls, germline);
    }

    /// <summary>Types the germline sites from the reads of <paramref name="bam"/> around each site.</summary>
    internal static GermlineTypingResult TypeGermline(BamReader bam, GenomeContext genome, GermlineSiteTable sites, ComputeEngine engine, int chunkReads)
    {
        var regions = new List<Core.Coordinates.RegionSpec>();
        foreach (GermlineSite site in sites.Sites)
        {
            if (genome.FindContig(site.Contig) is { } contig)
            {
                regions.Add(new Core.Coordinates.RegionSpec(
                    contig,
                    new Core.Coordinates.Position(Math.Max(1, site.Position.Value - GermlineFlank)),
                    site.Position.Offset(GermlineFlank)));
            }
        }

        var reads = new ReadChunks(bam, regions.OrderBy(r => bam.Header.GetReferenceId(r.Contig)).ThenBy(r => r.Start.Value), chunkReads);
        return engine.TypeGermline(new GermlineTyper(GermlineOptions.Default), reads, sites, bam.Header.References.Select(r => r.Name).ToArray());
    }
}
