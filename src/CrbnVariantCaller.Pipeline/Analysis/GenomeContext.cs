using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.Formats.Fasta;

namespace CrbnVariantCaller.Pipeline.Analysis;

/// <summary>
/// What one BAM header and the reference say about the genome: the build, the contigs, and the CRBN model renamed to
/// the BAM's contig naming (<c>chr3</c> or <c>3</c>), with the reference bases over CRBN.
/// </summary>
public sealed class GenomeContext
{
    /// <summary>Bases either side of the CRBN gene that are loaded and cut from the reference.</summary>
    public const int CrbnFlank = 2_000;

    private GenomeContext(GenomeBuildDetection detection, IReadOnlyList<ContigInfo> contigs, TranscriptModel crbn, int crbnReferenceId)
    {
        Detection = detection;
        Contigs = contigs;
        Crbn = crbn;
        CrbnReferenceId = crbnReferenceId;
    }

    /// <summary>The detected build, with its evidence.</summary>
    public GenomeBuildDetection Detection { get; }

    /// <summary>GRCh37 or GRCh38.</summary>
    public GenomeBuild Build => Detection.Build;

    /// <summary>The BAM header's contigs, in header order (used for VCF <c>##contig</c> lines).</summary>
    public IReadOnlyList<ContigInfo> Contigs { get; }

    /// <summary>CRBN NM_016302.4 on this build, named as the BAM names chr3.</summary>
    public TranscriptModel Crbn { get; }

    /// <summary>The BAM refID of the CRBN contig.</summary>
    public int CrbnReferenceId { get; }

    /// <summary>The CRBN gene span with <see cref="CrbnFlank"/> on each side, in BAM naming.</summary>
    public RegionSpec CrbnRegion => new(
        Crbn.Contig,
        new Position(Math.Max(1, Crbn.Span.Start.Value - CrbnFlank)),
        Crbn.Span.End.Offset(CrbnFlank));

    /// <summary>The BAM contig name for <paramref name="name"/> in either naming style, or null when the BAM lacks it.</summary>
    public string? FindContig(string name) =>
        ContigNames.TryFindEquivalent(name, Contigs.Select(c => c.Name), out string? match) ? match : null;

    /// <summary>
    /// Detects the build from <paramref name="bam"/>'s header (falling back to the reference's contigs) and checks that the
    /// reference matches the BAM on every contig the analysis reads.
    /// </summary>
    /// <exception cref="ReferenceMismatchException">The reference is not the one the BAM was aligned to.</exception>
    /// <exception cref="GenomeBuildUnknownException">Neither the BAM nor the reference looks like GRCh37 or GRCh38.</exception>
    public static GenomeContext Resolve(BamReader bam, IndexedFastaReader reference)
    {
        ArgumentNullException.ThrowIfNull(bam);
        ArgumentNullException.ThrowIfNull(reference);
        ContigInfo[] contigs = bam.Header.References.Select(r => new ContigInfo(r.Name, r.Length)).ToArray();
        GenomeBuildDetection detection = GenomeBuildDetector.Detect(contigs);
        if (detection.Build == GenomeBuild.Unknown)
        {
            GenomeBuildDetection fromReference = GenomeBuildDetector.Detect(reference.Contigs);
            if (fromReference.Build == GenomeBuild.Unknown)
            {
                throw new GenomeBuildUnknownException(bam.FilePath, detection.Summary);
            }

            detection = fromReference;
        }

        TranscriptModel model = CrbnTranscript.For(detection.Build);
        string crbnContig = ContigNames.TryFindEquivalent(model.Contig, contigs.Select(c => c.Name), out string? found)
            ? found
            : throw new GenomeBuildUnknownException(bam.FilePath, $"the header has no {model.Contig} (or equivalent) on which CRBN lies");
        try
        {
            ReferenceCompatibility.Compare(contigs, reference.Contigs).ThrowIfIncompatible(reference.FilePath, [crbnContig]);
        }
        catch (ReferenceMismatchException ex)
        {
            // With a tumour, a normal and an RNA BAM, say which one the reference does not fit.
            throw new InvalidInputFileException(ex.FilePath, $"{ex.Message} (BAM: {bam.FilePath})", ex);
        }

        return new GenomeContext(detection, contigs, model.WithContig(crbnContig), bam.Header.GetReferenceId(crbnContig));
    }

    /// <summary>The reference bases over <see cref="CrbnRegion"/>, upper-cased, named as the BAM names the contig.</summary>
    public ReferenceSlice CrbnReference(IndexedFastaReader reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        RegionSpec region = CrbnRegion;
        if (!reference.TryResolveContig(region.Contig, out string? fastaName))
        {
            throw new ReferenceMismatchException(
                reference.FilePath,
                new ContigMismatch(region.Contig, Contigs.First(c => c.Name == region.Contig).Length, null, null, ContigMismatchKind.MissingFromReference));
        }

        var interval = new GenomicInterval(fastaName, region.Start, region.End!.Value);
        byte[] bases = reference.Fetch(interval);
        for (int i = 0; i < bases.Length; i++)
        {
            bases[i] = (byte)char.ToUpperInvariant((char)bases[i]);
        }

        return new ReferenceSlice(region.Contig, region.Start, bases);
    }
}

/// <summary>The BAM's genome build cannot be determined, so coordinates cannot be interpreted.</summary>
public sealed class GenomeBuildUnknownException(string filePath, string detail)
    : InvalidInputFileException(filePath, $"cannot tell whether this is GRCh37 or GRCh38 ({detail}); CRBN coordinates depend on the build");
