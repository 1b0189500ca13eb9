using System.Globalization;
using CrbnVariantCaller.Calling.Annotation;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// Places a splice junction on a transcript model: which annotated boundaries it uses, which exons it skips, how
/// the mature transcript's length and frame change, and what that predicts for the protein. For CRBN the effect
/// also says whether the drug-binding pocket or the CULT domain is lost. With the reference bases of the transcript,
/// an in-frame deletion's protein change is computed from the sequence (the joint codon decides between a deletion
/// and a delins, <see cref="ProteinChange"/>); without them only the removed c. range is stated.
/// </summary>
public sealed class JunctionAnnotator
{
    private readonly TranscriptModel _transcript;
    private readonly bool _isCrbn;
    private readonly byte[]? _cds;

    /// <summary>Creates an annotator for one transcript.</summary>
    /// <param name="transcript">The transcript.</param>
    /// <param name="reference">Reference bases covering the transcript's coding exons; null when not at hand.</param>
    public JunctionAnnotator(TranscriptModel transcript, ReferenceSlice? reference = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        _transcript = transcript;
        _isCrbn = string.Equals(transcript.GeneSymbol, CrbnTranscript.GeneSymbol, StringComparison.OrdinalIgnoreCase);
        if (reference is not null && transcript.IsCoding && transcript.CdsIntervals.All(reference.Contains))
        {
            _cds = TranscriptSequence.Cds(transcript, i => reference.Bases.Slice(i.Start.Value - reference.Start.Value, i.Length).ToArray());
        }
    }

    /// <summary>
    /// The HGVS protein change when c.<paramref name="first"/>..c.<paramref name="last"/> are removed (an in-frame deletion
    /// of the coding sequence), computed from the reference; null without reference bases.
    /// </summary>
    public string? InFrameDeletionProtein(int first, int last)
    {
        if (_cds is null)
        {
            return null;
        }

        byte[] altered = [.. _cds.AsSpan(0, first - 1), .. _cds.AsSpan(last)];
        return ProteinChange.Hgvs(GeneticCode.Translate(_cds), GeneticCode.Translate(altered));
    }

    /// <summary>Annotates the junction whose intron runs from <paramref name="intronStart"/> to <paramref name="intronEnd"/> (1-based, both intronic).</summary>
    public JunctionEvent Annotate(Position intronStart, Position intronEnd, Strand strand, int reads)
    {
        if (intronEnd < intronStart)
        {
            throw new ArgumentException($"intron end {intronEnd} precedes its start {intronStart}", nameof(intronEnd));
        }

        bool plus = _transcript.Strand == Strand.Plus;
        Position donor = plus ? intronStart.Offset(-1) : intronEnd.Offset(1);     // last retained base before the junction
        Position acceptor = plus ? intronEnd.Offset(1) : intronStart.Offset(-1);  // first retained base after it
        Exon? donorExon = _transcript.Exons.FirstOrDefault(e => (plus ? e.Interval.End : e.Interval.Start) == donor);
        Exon? acceptorExon = _transcript.Exons.FirstOrDefault(e => (plus ? e.Interval.Start : e.Interval.End) == acceptor);
        int[] skipped = _transcript.Exons
            .Where(e => e.Interval.Start >= intronStart && e.Interval.End <= intronEnd)
            .Select(e => e.Number)
            .ToArray();
        int skippedLength = skipped.Sum(n => _transcript.GetExon(n).Length);

        (JunctionKind kind, string label, int? intron) = Classify(donorExon, acceptorExon, skipped);
        (int? change, FrameEffect frame, string effect) = kind == JunctionKind.AnnotatedIntron
            ? (0, FrameEffect.None, $"none (annotated intron {intron})")
            : PredictEffect(donor, acceptor);

        return new JunctionEvent(
            _transcript.Contig, intronStart, intronEnd, strand, reads, kind, label, intron,
            donorExon?.Number, acceptorExon?.Number, skipped, change, frame, effect)
        {
            SkippedLength = skippedLength,
        };
    }

    private static (JunctionKind Kind, string Label, int? Intron) Classify(Exon? donor, Exon? acceptor, int[] skipped)
    {
        if (donor is not null && acceptor is not null)
        {
            if (acceptor.Number == donor.Number + 1)
            {
                return (JunctionKind.AnnotatedIntron, $"intron {donor.Number}", donor.Number);
            }

            if (acceptor.Number > donor.Number + 1)
            {
                string exons = skipped.Length == 1 ? $"exon {skipped[0]}" : $"exons {skipped[0]}–{skipped[^1]}";
                return (JunctionKind.ExonSkip, $"skip of {exons} (exon {donor.Number} to exon {acceptor.Number})", null);
            }

            return (JunctionKind.Novel, $"novel junction from exon {donor.Number} back to exon {acceptor.Number}", null);
        }

        if (donor is not null)
        {
            return (JunctionKind.AlternativeAcceptor, $"alternative acceptor after exon {donor.Number}", null);
        }

        if (acceptor is not null)
        {
            return (JunctionKind.AlternativeDonor, $"alternative donor before exon {acceptor.Number}", null);
        }

        return (JunctionKind.Novel, "novel junction", null);
    }

    /// <summary>
    /// The mature transcript keeps transcript coordinates 1..cd (plus <c>od</c> intronic bases when the donor lies past an
    /// exon end), then resumes at cq (after <c>−oq</c> intronic bases when the acceptor lies before an exon start).
    /// </summary>
    private (int? Change, FrameEffect Frame, string Effect) PredictEffect(Position donor, Position acceptor)
    {
        if (!_transcript.TryGetTranscriptCoordinate(donor, out int cd, out int od) ||
            !_transcript.TryGetTranscriptCoordinate(acceptor, out int cq, out int oq) ||
            od < 0 || oq > 0 || cq <= cd)
        {
            return (null, FrameEffect.Unknown, "cannot be placed on the transcript (ends outside the exons); protein effect unknown");
        }

        if (od > 0 && oq < 0)
        {
            return (null, FrameEffect.Unknown, "both ends lie in introns (a splice inside retained intronic sequence); protein effect unknown");
        }

        int inserted = od + -oq;
        int removed = cq - cd - 1;
        int change = inserted - removed;
        if (!_transcript.IsCoding)
        {
            return (change, FrameEffect.NonCoding, "non-coding transcript");
        }

        CdsPosition first = CdsOf(cd + 1 <= _transcript.TranscriptLength ? cd + 1 : cd);
        CdsPosition last = removed > 0 ? CdsOf(cq - 1) : CdsOf(cd);
        CdsPosition atDonor = CdsOf(cd);
        bool inFrame = change % 3 == 0;
        FrameEffect frame = inFrame ? FrameEffect.InFrame : FrameEffect.Frameshift;

        if (removed > 0 && first.Region == CodingRegion.FivePrimeUtr && last.Region == CodingRegion.FivePrimeUtr && inserted == 0)
        {
            return (change, FrameEffect.NonCoding, $"5' UTR only ({Bases(-change)} removed); coding sequence unchanged");
        }

        if (atDonor.Region == CodingRegion.ThreePrimeUtr)
        {
            return (change, FrameEffect.NonCoding, $"3' UTR only ({Describe(change)}); coding sequence unchanged");
        }

        if (atDonor.Region == CodingRegion.FivePrimeUtr && removed > 0 && first.Region == CodingRegion.FivePrimeUtr && last.Region != CodingRegion.FivePrimeUtr)
        {
            return (change, frame, "start codon lost (the skipped sequence contains c.1); the protein, if any, starts at a downstream ATG");
        }

        if (atDonor.Region == CodingRegion.FivePrimeUtr)
        {
            return (change, FrameEffect.NonCoding, $"5' UTR only ({Describe(change)}); coding sequence unchanged");
        }

        // The change starts inside the coding sequence, after c.(atDonor).
        int x = atDonor.Anchor + 1;                 // first c. position not followed as annotated
        int firstChangedCodon = ((x - 1) / 3) + 1;
        int cdsLength = _transcript.CdsLength;
        if (!inFrame)
        {
            int intact = firstChangedCodon - 1;
            return (change, frame, $"frameshift after residue {intact} ({Describe(change)}){TruncationNote(intact)}");
        }

        if (inserted == 0)
        {
            int y = last.Region == CodingRegion.Coding ? last.Anchor : cdsLength + 1;
            if (y > cdsLength - 3)
            {
                return (change, frame, $"in-frame deletion from residue {firstChangedCodon} through the stop codon ({Bases(removed)}): translation reads into the 3' UTR{DomainNote(firstChangedCodon, cdsLength / 3)}");
            }

            int protein = (cdsLength / 3) - 1 - (removed / 3);
            int lastChangedCodon = (y + 2) / 3;
            string note = DomainNote(firstChangedCodon, lastChangedCodon);
            string removedRange = $"c.{x}_{y} removed";
            string joint = (x - 1) % 3 == 0
                ? string.Empty
                : $"; joint codon c.{x - ((x - 1) % 3)}_{x - 1} + c.{y + 1}{(((x - 1) % 3) == 1 ? $"_{y + 2}" : string.Empty)}";
            string protChange = InFrameDeletionProtein(x, y) is string hgvs
                ? $"{hgvs} (computed from the reference sequence)"
                : $"protein change not computed (no reference sequence): codons {firstChangedCodon}–{lastChangedCodon} are affected";
            return (change, frame, $"in-frame deletion {protChange}: {removedRange} ({removed / 3} codons, {Bases(removed)}{joint}; {protein}-aa protein){note}");
        }

        if (removed == 0)
        {
            return (change, frame,
                $"in-frame insertion of {inserted / 3} codons of intronic sequence after c.{atDonor.Anchor} (residue {(atDonor.Anchor + 2) / 3}; a stop codon in it would truncate the protein){DomainNote(firstChangedCodon, firstChangedCodon)}");
        }

        return (change, frame,
            $"in-frame change at residue {firstChangedCodon}: {Bases(removed)} removed, {Bases(inserted)} of intronic sequence inserted{DomainNote(firstChangedCodon, firstChangedCodon + (removed / 3))}");
    }

    private CdsPosition CdsOf(int transcriptCoordinate)
    {
        Position genomic = _transcript.TranscriptToGenomic(transcriptCoordinate);
        return _transcript.GetCdsPosition(genomic);
    }

    private static string Bases(int n) => n == 1 ? "1 bp" : string.Create(CultureInfo.InvariantCulture, $"{n} bp");

    private static string Describe(int change) => change < 0 ? $"{Bases(-change)} lost" : $"{Bases(change)} gained";

    /// <summary>For CRBN: whether residues <paramref name="from"/>..<paramref name="to"/> hold pocket residues or the CULT domain.</summary>
    private string DomainNote(int from, int to)
    {
        if (!_isCrbn)
        {
            return string.Empty;
        }

        string[] pocket = KnownCodons.All
            .Where(r => r.Codon >= from && r.Codon <= to && (r.Roles & (ResidueRole.DrugContact | ResidueRole.TriTryptophanPocket)) != 0)
            .Select(r => r.Label)
            .ToArray();
        if (pocket.Length > 0)
        {
            return $" (drug-binding pocket lost: {string.Join(", ", pocket)})";
        }

        return from <= CrbnDomains.CultEnd && to >= CrbnDomains.CultStart
            ? $" (CULT drug-binding domain {CrbnDomains.CultStart}–{CrbnDomains.CultEnd} altered)"
            : string.Empty;
    }

    private string TruncationNote(int intactResidues)
    {
        if (!_isCrbn || intactResidues >= CrbnDomains.CultEnd)
        {
            return string.Empty;
        }

        return intactResidues < CrbnDomains.CultStart
            ? " (truncates the protein before the CULT drug-binding domain: drug binding lost)"
            : " (truncates the CULT drug-binding domain: drug binding lost)";
    }
}
