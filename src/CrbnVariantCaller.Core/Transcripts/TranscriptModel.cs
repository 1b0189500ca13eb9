using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>
/// One transcript: its exons in transcript order and, for a coding transcript, its CDS (start and stop codons
/// included). Maps genomic positions to HGVS <c>c.</c> positions and codons and back, on either strand.
/// </summary>
/// <remarks>
/// Internally every exonic base has a transcript coordinate (1 = the 5'-most transcribed base). On the minus strand
/// transcript order runs towards lower genomic positions, so exon 1 is the exon with the highest coordinates.
/// </remarks>
public sealed class TranscriptModel
{
    private readonly int[] _exonTranscriptStart; // transcript coordinate of each exon's 5'-most base
    private readonly int _cdsStart;              // transcript coordinate of c.1, 0 when non-coding
    private readonly int _cdsEnd;                // transcript coordinate of the last CDS base, 0 when non-coding

    /// <summary>Builds a transcript model; exons and CDS intervals may come in any order.</summary>
    /// <param name="transcriptId">Transcript accession, e.g. <c>NM_016302.4</c>.</param>
    /// <param name="geneSymbol">Gene symbol, e.g. <c>CRBN</c>.</param>
    /// <param name="strand">The transcribed strand; must be known.</param>
    /// <param name="exons">The exons (all on one contig, neither overlapping nor touching).</param>
    /// <param name="cds">The coding intervals, start and stop codon included; empty for a non-coding transcript.</param>
    /// <param name="geneId">Gene identifier (Entrez, Ensembl), if known.</param>
    /// <exception cref="ArgumentException">The exons or CDS are inconsistent.</exception>
    public TranscriptModel(
        string transcriptId,
        string geneSymbol,
        Strand strand,
        IEnumerable<GenomicInterval> exons,
        IEnumerable<GenomicInterval> cds,
        string? geneId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(transcriptId);
        ArgumentException.ThrowIfNullOrEmpty(geneSymbol);
        ArgumentNullException.ThrowIfNull(exons);
        ArgumentNullException.ThrowIfNull(cds);
        if (strand is not (Strand.Plus or Strand.Minus))
        {
            throw new ArgumentException($"{transcriptId}: the strand must be + or -.", nameof(strand));
        }

        TranscriptId = transcriptId;
        GeneSymbol = geneSymbol;
        GeneId = geneId;
        Strand = strand;

        List<GenomicInterval> sorted = exons.OrderBy(e => e.Start).ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException($"{transcriptId}: a transcript needs at least one exon.", nameof(exons));
        }

        Contig = sorted[0].Contig;
        for (int i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Contig != Contig)
            {
                throw new ArgumentException($"{transcriptId}: exons on two contigs ({Contig}, {sorted[i].Contig}).", nameof(exons));
            }

            if (i > 0 && sorted[i].Start.Value <= sorted[i - 1].End.Value + 1)
            {
                throw new ArgumentException($"{transcriptId}: exons {sorted[i - 1]} and {sorted[i]} overlap or touch.", nameof(exons));
            }
        }

        if (strand == Strand.Minus)
        {
            sorted.Reverse();
        }

        Exons = sorted.Select((e, i) => new Exon(i + 1, e)).ToArray();
        _exonTranscriptStart = new int[Exons.Count];
        int running = 1;
        for (int i = 0; i < Exons.Count; i++)
        {
            _exonTranscriptStart[i] = running;
            running += Exons[i].Length;
        }

        TranscriptLength = running - 1;
        Span = new GenomicInterval(Contig, sorted.Min(e => e.Start), sorted.Max(e => e.End));
        Introns = Enumerable.Range(0, Exons.Count - 1).Select(i => BuildJunction(i + 1, i + 2)).ToArray();

        CdsIntervals = MergeCds(cds, transcriptId);
        if (CdsIntervals.Count > 0)
        {
            CdsLength = CdsIntervals.Sum(c => c.Length);
            (_cdsStart, _cdsEnd) = LocateCds(transcriptId);
        }
    }

    /// <summary>Transcript accession, e.g. <c>NM_016302.4</c>.</summary>
    public string TranscriptId { get; }

    /// <summary>Gene symbol, e.g. <c>CRBN</c>.</summary>
    public string GeneSymbol { get; }

    /// <summary>Gene identifier (Entrez or Ensembl), when the source gives one.</summary>
    public string? GeneId { get; }

    /// <summary>The contig, named as the source names it.</summary>
    public string Contig { get; }

    /// <summary>The transcribed strand.</summary>
    public Strand Strand { get; }

    /// <summary>Exons in transcript order (exon 1 first); on the minus strand that is descending genomic order.</summary>
    public IReadOnlyList<Exon> Exons { get; }

    /// <summary>Introns in transcript order; <see cref="Intron.UpstreamExon"/> of intron N is exon N.</summary>
    public IReadOnlyList<Intron> Introns { get; }

    /// <summary>Coding intervals in transcript order, start and stop codons included; empty for a non-coding transcript.</summary>
    public IReadOnlyList<GenomicInterval> CdsIntervals { get; }

    /// <summary>From the first to the last exonic base, genomic order.</summary>
    public GenomicInterval Span { get; }

    /// <summary>Sum of the exon lengths (the mature transcript).</summary>
    public int TranscriptLength { get; }

    /// <summary>Length of the coding sequence including the stop codon; 0 for a non-coding transcript.</summary>
    public int CdsLength { get; }

    /// <summary>True when the transcript has a CDS.</summary>
    public bool IsCoding => CdsLength > 0;

    /// <summary>Number of codons, stop codon included.</summary>
    public int CodonCount => CdsLength / 3;

    /// <summary>The exon that contains <paramref name="position"/>, or null when it is intronic or outside the transcript.</summary>
    public Exon? ExonAt(Position position) => Exons.FirstOrDefault(e => e.Interval.Contains(position));

    /// <summary>Gets the exon with the given 1-based number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such exon.</exception>
    public Exon GetExon(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, Exons.Count);
        return Exons[number - 1];
    }

    /// <summary>
    /// The splice junction (first and last intronic base) joining exon <paramref name="upstreamExon"/> to exon
    /// <paramref name="downstreamExon"/>; consecutive exons give the intron, others an exon-skipping junction.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The exon numbers are not in transcript order or do not exist.</exception>
    public Intron Junction(int upstreamExon, int downstreamExon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(upstreamExon, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(downstreamExon, upstreamExon);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(downstreamExon, Exons.Count);
        return BuildJunction(upstreamExon, downstreamExon);
    }

    /// <summary>The junction that skips exon <paramref name="exonNumber"/> (joins the exons either side of it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The exon is the first or the last, or does not exist.</exception>
    public Intron SkipJunction(int exonNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exonNumber, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exonNumber, Exons.Count - 1);
        return BuildJunction(exonNumber - 1, exonNumber + 1);
    }

    /// <summary>
    /// Maps a genomic position inside the transcript span to its transcript coordinate (HGVS <c>n.</c>):
    /// <paramref name="coordinate"/> is the exonic anchor (1-based from the transcript's 5' end) and
    /// <paramref name="offset"/> the intronic offset (0 for exonic bases, +k after the anchor, −k before it).
    /// Returns false outside the span.
    /// </summary>
    public bool TryGetTranscriptCoordinate(Position position, out int coordinate, out int offset)
    {
        coordinate = 0;
        offset = 0;
        if (position.Value < Span.Start.Value || position.Value > Span.End.Value)
        {
            return false;
        }

        for (int i = 0; i < Exons.Count; i++)
        {
            GenomicInterval exon = Exons[i].Interval;
            if (exon.Contains(position))
            {
                coordinate = _exonTranscriptStart[i] + DistanceFrom5Prime(exon, position);
                return true;
            }

            if (i + 1 < Exons.Count)
            {
                GenomicInterval next = Exons[i + 1].Interval;
                int toUpstream = Strand == Strand.Plus ? position.Value - exon.End.Value : exon.Start.Value - position.Value;
                int toDownstream = Strand == Strand.Plus ? next.Start.Value - position.Value : position.Value - next.End.Value;
                if (toUpstream > 0 && toDownstream > 0)
                {
                    // HGVS: the middle base of an odd-length intron takes the + form.
                    if (toUpstream <= toDownstream)
                    {
                        coordinate = _exonTranscriptStart[i] + Exons[i].Length - 1;
                        offset = toUpstream;
                    }
                    else
                    {
                        coordinate = _exonTranscriptStart[i + 1];
                        offset = -toDownstream;
                    }

                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Maps a genomic position inside the transcript span to HGVS <c>c.</c> notation. Returns false for a
    /// non-coding transcript or outside the span.
    /// </summary>
    public bool TryGetCdsPosition(Position position, out CdsPosition cdsPosition)
    {
        cdsPosition = default;
        if (!IsCoding || !TryGetTranscriptCoordinate(position, out int coordinate, out int offset))
        {
            return false;
        }

        cdsPosition = ToCds(coordinate, offset);
        return true;
    }

    /// <summary>Like <see cref="TryGetCdsPosition"/> but throws when the position cannot be mapped.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the transcript, or the transcript is non-coding.</exception>
    public CdsPosition GetCdsPosition(Position position) => TryGetCdsPosition(position, out CdsPosition c)
        ? c
        : throw new ArgumentOutOfRangeException(nameof(position), $"{Contig}:{position} is not within coding transcript {TranscriptId}.");

    /// <summary>
    /// The codon (1-based, NP numbering) and the position in it (1, 2 or 3, in transcript order) of an exonic coding base.
    /// Returns false for UTR, intronic and outside positions.
    /// </summary>
    public bool TryGetCodon(Position position, out int codon, out int positionInCodon)
    {
        codon = 0;
        positionInCodon = 0;
        if (!TryGetCdsPosition(position, out CdsPosition c) || !c.IsCoding)
        {
            return false;
        }

        codon = c.Codon;
        positionInCodon = c.PositionInCodon;
        return true;
    }

    /// <summary>The genomic positions of the three bases of a codon, in transcript order (c. 3k−2, 3k−1, 3k).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such codon.</exception>
    public Position[] GetCodonPositions(int codon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codon, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(codon, CodonCount);
        int first = (3 * codon) - 2;
        return
        [
            ToGenomic(new CdsPosition(CodingRegion.Coding, first)),
            ToGenomic(new CdsPosition(CodingRegion.Coding, first + 1)),
            ToGenomic(new CdsPosition(CodingRegion.Coding, first + 2)),
        ];
    }

    /// <summary>Maps an HGVS c. position (exonic or intronic) back to the genome.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The transcript is non-coding, the anchor is outside the transcript, or an intronic offset does not start at an
    /// exon boundary or runs past the intron.
    /// </exception>
    public Position ToGenomic(CdsPosition cdsPosition)
    {
        if (!IsCoding)
        {
            throw new ArgumentOutOfRangeException(nameof(cdsPosition), $"{TranscriptId} is non-coding; it has no c. positions.");
        }

        int coordinate = cdsPosition.Region switch
        {
            CodingRegion.Coding when cdsPosition.Anchor <= CdsLength => _cdsStart + cdsPosition.Anchor - 1,
            CodingRegion.FivePrimeUtr => _cdsStart - cdsPosition.Anchor,
            CodingRegion.ThreePrimeUtr => _cdsEnd + cdsPosition.Anchor,
            _ => 0,
        };
        return TranscriptToGenomic(coordinate, cdsPosition.Offset, cdsPosition);
    }

    /// <summary>Maps a transcript (<c>n.</c>) coordinate with an optional intronic offset back to the genome.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the transcript, or the offset is not intronic.</exception>
    public Position TranscriptToGenomic(int coordinate, int offset = 0) => TranscriptToGenomic(coordinate, offset, $"n.{coordinate}{offset:+0;-0;''}");

    /// <summary>The same model on a contig of another name (for example <c>3</c> instead of <c>chr3</c>).</summary>
    public TranscriptModel WithContig(string contig)
    {
        ArgumentException.ThrowIfNullOrEmpty(contig);
        return contig == Contig
            ? this
            : new TranscriptModel(
                TranscriptId,
                GeneSymbol,
                Strand,
                Exons.Select(e => new GenomicInterval(contig, e.Interval.Start, e.Interval.End)),
                CdsIntervals.Select(c => new GenomicInterval(contig, c.Start, c.End)),
                GeneId);
    }

    /// <inheritdoc />
    public override string ToString() => $"{GeneSymbol} {TranscriptId} {Contig}:{Span.Start}-{Span.End}({(Strand == Strand.Plus ? '+' : '-')}), {Exons.Count} exons";

    private Position TranscriptToGenomic(int coordinate, int offset, object description)
    {
        if (coordinate < 1 || coordinate > TranscriptLength)
        {
            throw new ArgumentOutOfRangeException(nameof(coordinate), $"{description} is outside {TranscriptId}.");
        }

        int i = Array.BinarySearch(_exonTranscriptStart, coordinate);
        if (i < 0)
        {
            i = ~i - 1;
        }

        GenomicInterval exon = Exons[i].Interval;
        int intoExon = coordinate - _exonTranscriptStart[i];
        int genomic = Strand == Strand.Plus ? exon.Start.Value + intoExon : exon.End.Value - intoExon;
        if (offset == 0)
        {
            return new Position(genomic);
        }

        bool valid = offset > 0
            ? intoExon == Exons[i].Length - 1 && i + 1 < Exons.Count && offset <= Introns[i].Length
            : intoExon == 0 && i > 0 && -offset <= Introns[i - 1].Length;
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"{description} is not an intronic position of {TranscriptId}.");
        }

        return new Position(Strand == Strand.Plus ? genomic + offset : genomic - offset);
    }

    private CdsPosition ToCds(int coordinate, int offset)
    {
        if (coordinate < _cdsStart)
        {
            return new CdsPosition(CodingRegion.FivePrimeUtr, _cdsStart - coordinate, offset);
        }

        if (coordinate > _cdsEnd)
        {
            return new CdsPosition(CodingRegion.ThreePrimeUtr, coordinate - _cdsEnd, offset);
        }

        return new CdsPosition(CodingRegion.Coding, coordinate - _cdsStart + 1, offset);
    }

    private int DistanceFrom5Prime(GenomicInterval exon, Position position) =>
        Strand == Strand.Plus ? position.Value - exon.Start.Value : exon.End.Value - position.Value;

    private Intron BuildJunction(int upstreamExon, int downstreamExon)
    {
        GenomicInterval up = Exons[upstreamExon - 1].Interval;
        GenomicInterval down = Exons[downstreamExon - 1].Interval;
        GenomicInterval gap = Strand == Strand.Plus
            ? new GenomicInterval(Contig, up.End.Offset(1), down.Start.Offset(-1))
            : new GenomicInterval(Contig, down.End.Offset(1), up.Start.Offset(-1));
        return new Intron(upstreamExon, downstreamExon, gap);
    }

    private GenomicInterval[] MergeCds(IEnumerable<GenomicInterval> cds, string transcriptId)
    {
        List<GenomicInterval> merged = [];
        foreach (GenomicInterval c in cds.OrderBy(c => c.Start))
        {
            if (c.Contig != Contig)
            {
                throw new ArgumentException($"{transcriptId}: CDS {c} is not on {Contig}.", nameof(cds));
            }

            if (merged.Count > 0 && c.Start.Value <= merged[^1].End.Value + 1)
            {
                GenomicInterval last = merged[^1];
                merged[^1] = new GenomicInterval(Contig, last.Start, c.End > last.End ? c.End : last.End);
            }
            else
            {
                merged.Add(c);
            }
        }

        foreach (GenomicInterval c in merged)
        {
            if (!Exons.Any(e => e.Interval.Start <= c.Start && c.End <= e.Interval.End))
            {
                throw new ArgumentException($"{transcriptId}: CDS {c} is not inside one exon.", nameof(cds));
            }
        }

        if (Strand == Strand.Minus)
        {
            merged.Reverse();
        }

        return merged.ToArray();
    }

    private (int Start, int End) LocateCds(string transcriptId)
    {
        Position first = Strand == Strand.Plus ? CdsIntervals[0].Start : CdsIntervals[0].End;
        Position last = Strand == Strand.Plus ? CdsIntervals[^1].End : CdsIntervals[^1].Start;
        TryGetTranscriptCoordinate(first, out int start, out _);
        TryGetTranscriptCoordinate(last, out int end, out _);
        if (end - start + 1 != CdsLength)
        {
            throw new ArgumentException(
                $"{transcriptId}: the CDS ({CdsLength} bp) is not contiguous in the spliced transcript (c.1 to the last coding base spans {end - start + 1} bp).",
                "cds");
        }

        return (start, end);
    }
}
