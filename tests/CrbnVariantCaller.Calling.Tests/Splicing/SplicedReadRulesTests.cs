using CrbnVariantCaller.Calling.Splicing;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Pipeline.Counting;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Splicing;

/// <summary>Which reads count for a junction, on reads built in memory across the CRBN exon-8 skip junction.</summary>
public sealed class SplicedReadRulesTests
{
    private static readonly TranscriptModel Crbn = CrbnTranscript.For(GenomeBuild.GRCh38);
    private static readonly Intron Skip8 = Crbn.SkipJunction(8);

    [Fact]
    public void Unique_anchored_reads_on_the_gene_strand_count()
    {
        var builder = new ReadBatchBuilder();
        Add(builder, "unique", flag: 0, mapq: 60, nh: 1, left: 30, right: 30);            // counts
        Add(builder, "multi", flag: 0, mapq: 1, nh: 2, left: 30, right: 30);              // NH 2: not unique
        Add(builder, "noNhLowMapq", flag: 0, mapq: 3, nh: 0, left: 30, right: 30);        // no NH, MAPQ 3 < 10
        Add(builder, "noNhHighMapq", flag: 0, mapq: 30, nh: 0, left: 30, right: 30);      // counts
        Add(builder, "shortAnchor", flag: 0, mapq: 60, nh: 1, left: 5, right: 55);        // anchor 5 < 8
        Add(builder, "secondary", flag: 0x100, mapq: 60, nh: 1, left: 30, right: 30);     // never counts
        Add(builder, "otherStrand", flag: 0x10, mapq: 60, nh: 1, left: 30, right: 30);    // dUTP single-end reverse = plus strand
        ReadBatch batch = builder.Build();

        using var engine = CpuCompute.Engine();
        CrbnSplicingResult result = engine.AnalyzeCrbnSplicing(new CrbnSplicingAnalyzer(SplicingOptions.Default), batch, Crbn, 0, Strandedness.ReverselyStranded);
        JunctionEvent skip = Assert.Single(result.Junctions);
        Assert.Equal(Skip8.Interval.Start, skip.IntronStart);
        Assert.Equal(Skip8.Interval.End, skip.IntronEnd);
        Assert.Equal(Strand.Minus, skip.Strand);
        Assert.Equal(2, skip.Reads);
        Assert.Equal(6, result.SplicedReads);
        Assert.Equal(2, result.NonUniqueReadsExcluded);
        Assert.Equal(SkippingStatus.NotAssessable, result.Exon10.Status);
        Assert.Null(result.Exon10.PsiSkipped);

        // Everything spliced counts once the filters are off (the secondary record never does); strands from the library.
        var loose = engine.ListJunctions(new CrbnSplicingAnalyzer(new SplicingOptions { UniqueOnly = false, MinAnchor = 0 }), batch, Strandedness.ReverselyStranded);
        Assert.Equal(5, loose.Single(j => j.Strand == Strand.Minus).Reads);
        Assert.Equal(1, loose.Single(j => j.Strand == Strand.Plus).Reads);
    }

    [Theory]
    [InlineData(0x00, Strandedness.ReverselyStranded, Strand.Minus)]     // single-end forward, dUTP: antisense
    [InlineData(0x10, Strandedness.ReverselyStranded, Strand.Plus)]
    [InlineData(0x41, Strandedness.ReverselyStranded, Strand.Minus)]     // read 1 forward
    [InlineData(0x81, Strandedness.ReverselyStranded, Strand.Plus)]      // read 2 forward: sense
    [InlineData(0x91, Strandedness.ReverselyStranded, Strand.Minus)]     // read 2 reverse
    [InlineData(0x41, Strandedness.Stranded, Strand.Plus)]
    [InlineData(0x81, Strandedness.Stranded, Strand.Minus)]
    [InlineData(0x41, Strandedness.Unstranded, Strand.Unknown)]
    public void Library_type_gives_the_transcription_strand(int flag, Strandedness library, Strand expected) =>
        Assert.Equal(expected, LibraryStrand.TranscriptionStrand((ushort)flag, library));

    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(19, 80.5, 0.1567, 0.3392)]
    public void Wilson_interval_matches_the_closed_form(double successes, double trials, double low, double high)
    {
        WilsonInterval ci = WilsonInterval.Compute(successes, trials, 0.95);
        Assert.Equal(low, ci.Low, 3);
        Assert.Equal(high, ci.High, 3);
    }

    private static void Add(ReadBatchBuilder builder, string name, ushort flag, byte mapq, int nh, int left, int right)
    {
        int length = left + right;
        int start = Skip8.Interval.Start.ZeroBased - left;
        uint[] cigar = [CigarOp.Pack(left, CigarOp.Match), CigarOp.Pack(Skip8.Length, CigarOp.Skip), CigarOp.Pack(right, CigarOp.Match)];
        byte[] bases = Enumerable.Repeat((byte)0x11, (length + 1) / 2).ToArray(); // AAAA...
        byte[] quals = Enumerable.Repeat((byte)30, length).ToArray();
        builder.Add(
            new ReadFields { ReferenceId = 0, PositionZeroBased = start, Flag = flag, MappingQuality = mapq, NumberOfHits = nh },
            System.Text.Encoding.ASCII.GetBytes(name), cigar, bases, length, quals);
    }
}
