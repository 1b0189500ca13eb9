using System.Globalization;
using System.Text;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Annotation;

/// <summary>
/// Annotates small variants (SNVs, MNVs, insertions, deletions, delins) on one coding transcript: HGVS <c>c.</c> and
/// <c>p.</c> notation, Sequence Ontology consequences and the CRBN drug-binding-domain flag. Works on either strand:
/// alleles come in genomic (VCF) orientation and are written on the transcript strand, so on a minus-strand gene such
/// as CRBN a genomic <c>A&gt;G</c> is <c>c.…T&gt;C</c>.
/// </summary>
/// <remarks>
/// Rules followed (HGVS 21.x):
/// <list type="bullet">
/// <item>Insertions and deletions are shifted to their 3'-most position on the transcript strand (towards lower genomic
/// positions on the minus strand), without crossing an exon/intron border; an insertion that repeats the bases
/// immediately 5' of it is written as <c>dup</c>.</item>
/// <item><c>p.</c> is derived by translating the reference and the variant mRNA from <c>c.1</c>: in-frame changes are
/// trimmed at the protein level (3'-most), frameshifts are written <c>p.Phe150LeufsTer16</c> (the new stop counted
/// from the first changed residue), a new stop at the first changed residue is a nonsense change (<c>p.Arg419Ter</c>).</item>
/// <item>Splice: ±1–2 intronic bases are essential (donor after an exon, acceptor before one); intronic 3–8 and the
/// 1–3 exonic bases next to an intron are <c>splice_region</c>. Changes touching an intron get <c>p.?</c>.</item>
/// </list>
/// </remarks>
public sealed class VariantAnnotator
{
    private const int EssentialSpliceBases = 2;
    private const int SpliceRegionIntronicBases = 8;
    private const int SpliceRegionExonicBases = 3;

    private readonly TranscriptModel _transcript;
    private readonly ReferenceSlice _reference;
    private readonly byte[] _mrna;
    private readonly int _cdsIndex;
    private readonly string _referenceProtein;
    private readonly bool _isCrbn;

    /// <summary>Creates an annotator for <paramref name="transcript"/> on <paramref name="reference"/>.</summary>
    /// <param name="transcript">A coding transcript; its contig must be named as <paramref name="reference"/> names it.</param>
    /// <param name="reference">A slice of the reference that covers the whole transcript span.</param>
    /// <exception cref="ArgumentException">The transcript is non-coding, on another contig, or not covered by the slice.</exception>
    public VariantAnnotator(TranscriptModel transcript, ReferenceSlice reference)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(reference);
        if (!transcript.IsCoding)
        {
            throw new ArgumentException($"{transcript.TranscriptId} is non-coding.", nameof(transcript));
        }

        if (!reference.Contains(transcript.Span))
        {
            throw new ArgumentException(
                $"The reference slice {reference.Contig}:{reference.Start}-{reference.End} does not cover {transcript}.", nameof(reference));
        }

        _transcript = transcript;
        _reference = reference;
        _mrna = TranscriptSequence.Mrna(transcript, reference.Fetch);
        Position first = transcript.ToGenomic(new CdsPosition(CodingRegion.Coding, 1));
        transcript.TryGetTranscriptCoordinate(first, out int cdsStart, out _);
        _cdsIndex = cdsStart - 1;
        _referenceProtein = GeneticCode.Translate(_mrna.AsSpan(_cdsIndex, transcript.CdsLength));
        _isCrbn = string.Equals(transcript.GeneSymbol, CrbnTranscript.GeneSymbol, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The transcript annotated against.</summary>
    public TranscriptModel Transcript => _transcript;

    /// <summary>The reference protein translated from the reference slice, stop included as <c>*</c>.</summary>
    public string ReferenceProtein => _referenceProtein;

    /// <summary>Annotates a variant given as VCF does: position of the first REF base, REF and ALT (A, C, G, T, N).</summary>
    /// <exception cref="ArgumentException">The alleles are empty, equal, hold other letters, or REF disagrees with the reference.</exception>
    public VariantAnnotation Annotate(Position position, string referenceAllele, string alternateAllele)
    {
        SmallVariant v = Normalise(position, referenceAllele, alternateAllele);
        v = ShiftThreePrime(v);
        string? hgvsC = FormatHgvsC(v);
        return Consequences(v, hgvsC);
    }

    private SmallVariant Normalise(Position position, string referenceAllele, string alternateAllele)
    {
        ArgumentException.ThrowIfNullOrEmpty(referenceAllele);
        ArgumentException.ThrowIfNullOrEmpty(alternateAllele);
        string refAllele = referenceAllele.ToUpperInvariant();
        string altAllele = alternateAllele.ToUpperInvariant();
        if (refAllele.Any(c => "ACGTN".IndexOf(c) < 0) || altAllele.Any(c => "ACGTN".IndexOf(c) < 0))
        {
            throw new ArgumentException($"Alleles {referenceAllele}>{alternateAllele} hold letters other than A, C, G, T, N.");
        }

        if (refAllele == altAllele)
        {
            throw new ArgumentException($"REF and ALT are equal ({referenceAllele}).");
        }

        string actual = Encoding.ASCII.GetString(_reference.Fetch(new GenomicInterval(_reference.Contig, position, position.Offset(refAllele.Length - 1))));
        if (!string.Equals(actual, refAllele, StringComparison.Ordinal))
        {
            throw new ArgumentException($"REF {referenceAllele} at {_reference.Contig}:{position} disagrees with the reference ({actual}).");
        }

        int start = position.Value;
        while (refAllele.Length > 0 && altAllele.Length > 0 && refAllele[^1] == altAllele[^1])
        {
            refAllele = refAllele[..^1];
            altAllele = altAllele[..^1];
        }

        while (refAllele.Length > 0 && altAllele.Length > 0 && refAllele[0] == altAllele[0])
        {
            refAllele = refAllele[1..];
            altAllele = altAllele[1..];
            start++;
        }

        // An insertion sits between start-1 and start; everything else covers start..start+|ref|-1.
        return new SmallVariant(start, refAllele.Length, altAllele);
    }

    private SmallVariant ShiftThreePrime(SmallVariant v)
    {
        bool minus = _transcript.Strand == Strand.Minus;
        if (v.IsDeletion)
        {
            int s = v.Start;
            int e = v.End;
            int segment = Segment(s);
            if (segment != Segment(e))
            {
                return v;
            }

            while (true)
            {
                int ns = minus ? s - 1 : s + 1;
                int ne = minus ? e - 1 : e + 1;
                int probe = minus ? ns : ne;
                int leaving = minus ? e : s;
                if (!InSlice(probe) || Segment(probe) != segment || Base(probe) != Base(leaving))
                {
                    break;
                }

                s = ns;
                e = ne;
            }

            return v with { Start = s };
        }

        if (v.IsInsertion)
        {
            // The insertion lies between p and p+1.
            int p = v.Start - 1;
            string x = v.Inserted;
            if (!InSlice(p) || !InSlice(p + 1))
            {
                return v;
            }

            int segment = Segment(minus ? p : p + 1);
            while (true)
            {
                if (minus)
                {
                    if (!InSlice(p - 1) || Segment(p) != segment || Base(p) != (byte)x[^1] || Segment(p - 1) != segment)
                    {
                        break;
                    }

                    x = x[^1] + x[..^1];
                    p--;
                }
                else
                {
                    if (!InSlice(p + 2) || Segment(p + 1) != segment || Base(p + 1) != (byte)x[0] || Segment(p + 2) != segment)
                    {
                        break;
                    }

                    x = x[1..] + x[0];
                    p++;
                }
            }

            return new SmallVariant(p + 1, 0, x);
        }

        return v;
    }

    private string? FormatHgvsC(SmallVariant v)
    {
        bool minus = _transcript.Strand == Strand.Minus;
        if (v.IsInsertion)
        {
            int p = v.Start - 1;
            int len = v.Inserted.Length;

            // Duplication: the inserted bases repeat those immediately 5' (transcript) of the insertion point.
            int dupStart = minus ? p + 1 : p - len + 1;
            int dupEnd = dupStart + len - 1;
            if (InSlice(dupStart) && InSlice(dupEnd) &&
                string.Equals(Encoding.ASCII.GetString(_reference.Fetch(Interval(dupStart, dupEnd))), v.Inserted, StringComparison.Ordinal))
            {
                string? range = FormatRange(dupStart, dupEnd);
                return range is null ? null : $"c.{range}dup";
            }

            string? five = FormatPosition(minus ? p + 1 : p);
            string? three = FormatPosition(minus ? p : p + 1);
            return five is null || three is null ? null : $"c.{five}_{three}ins{OnTranscript(v.Inserted)}";
        }

        string? span = FormatRange(v.Start, v.End);
        if (span is null)
        {
            return null;
        }

        if (v.IsDeletion)
        {
            return $"c.{span}del";
        }

        string refBases = Encoding.ASCII.GetString(_reference.Fetch(Interval(v.Start, v.End)));
        if (v.DeletedLength == 1 && v.Inserted.Length == 1)
        {
            return $"c.{span}{OnTranscript(refBases)}>{OnTranscript(v.Inserted)}";
        }

        return $"c.{span}delins{OnTranscript(v.Inserted)}";
    }

    private VariantAnnotation Consequences(SmallVariant v, string? hgvsC)
    {
        bool minus = _transcript.Strand == Strand.Minus;
        int[] affected = v.IsInsertion ? [v.Start - 1, v.Start] : Enumerable.Range(v.Start, v.DeletedLength).ToArray();
        var found = new SortedSet<VariantConsequence>();
        bool anyIntronic = false;
        bool anyCoding = false;
        bool anyOutside = false;
        int? anchorCodon = null;
        int intronicSides = 0;

        foreach (int g in affected)
        {
            if (!_transcript.TryGetCdsPosition(new Position(g), out CdsPosition c))
            {
                anyOutside = true;
                continue;
            }

            if (c.IsCodingAnchor)
            {
                anchorCodon ??= c.Codon;
            }

            if (c.Offset != 0)
            {
                anyIntronic = true;
                intronicSides++;
                int distance = Math.Abs(c.Offset);
                if (distance <= EssentialSpliceBases && !v.IsInsertion)
                {
                    found.Add(c.Offset > 0 ? VariantConsequence.SpliceDonor : VariantConsequence.SpliceAcceptor);
                }
                else if (distance <= SpliceRegionIntronicBases)
                {
                    found.Add(VariantConsequence.SpliceRegion);
                }
                else
                {
                    found.Add(VariantConsequence.Intron);
                }

                continue;
            }

            if (NearInternalExonEnd(g))
            {
                found.Add(VariantConsequence.SpliceRegion);
            }

            switch (c.Region)
            {
                case CodingRegion.Coding:
                    anyCoding = true;
                    break;
                case CodingRegion.FivePrimeUtr:
                    found.Add(VariantConsequence.FivePrimeUtr);
                    break;
                default:
                    found.Add(VariantConsequence.ThreePrimeUtr);
                    break;
            }
        }

        // An insertion strictly inside the essential dinucleotide (both sides intronic, within 2 bases) breaks it.
        if (v.IsInsertion && intronicSides == 2)
        {
            _transcript.TryGetCdsPosition(new Position(affected[0]), out CdsPosition a);
            _transcript.TryGetCdsPosition(new Position(affected[1]), out CdsPosition b);
            if (Math.Abs(a.Offset) <= EssentialSpliceBases && Math.Abs(b.Offset) <= EssentialSpliceBases && Math.Sign(a.Offset) == Math.Sign(b.Offset))
            {
                found.Add(a.Offset > 0 ? VariantConsequence.SpliceDonor : VariantConsequence.SpliceAcceptor);
            }
        }

        if (anyOutside && found.Count == 0 && !anyCoding)
        {
            found.Add(VariantConsequence.Intergenic);
        }

        string hgvsP = "p.?";
        int? proteinPosition = anchorCodon;
        if (anyCoding && !anyIntronic && !anyOutside)
        {
            (VariantConsequence effect, string p, int position) = ProteinEffect(v, minus);
            found.Add(effect);
            hgvsP = p;
            proteinPosition = position;
        }

        int? exon = _transcript.ExonAt(new Position(affected[0]))?.Number;
        int? intron = exon is null
            ? _transcript.Introns.FirstOrDefault(i => i.Interval.Contains(new Position(affected[0])))?.UpstreamExon
            : null;
        bool inCult = _isCrbn && proteinPosition is int codon && CrbnDomains.IsInDrugBindingDomain(codon);
        return new VariantAnnotation(_transcript.TranscriptId, hgvsC, hgvsP, found.ToArray(), proteinPosition, inCult, exon, intron);
    }

    private (VariantConsequence Effect, string HgvsP, int Position) ProteinEffect(SmallVariant v, bool minus)
    {
        // Build the variant mRNA in transcript orientation.
        string inserted = OnTranscript(v.Inserted);
        int cut;
        int removed;
        if (v.IsInsertion)
        {
            _transcript.TryGetTranscriptCoordinate(new Position(minus ? v.Start : v.Start - 1), out int five, out _);
            cut = five; // insert after transcript coordinate 'five' (index five)
            removed = 0;
        }
        else
        {
            _transcript.TryGetTranscriptCoordinate(new Position(v.Start), out int a, out _);
            _transcript.TryGetTranscriptCoordinate(new Position(v.End), out int b, out _);
            cut = Math.Min(a, b) - 1;
            removed = v.DeletedLength;
        }

        byte[] alt = new byte[_mrna.Length - removed + inserted.Length];
        _mrna.AsSpan(0, cut).CopyTo(alt);
        Encoding.ASCII.GetBytes(inserted).CopyTo(alt, cut);
        _mrna.AsSpan(cut + removed).CopyTo(alt.AsSpan(cut + inserted.Length));

        int firstCodon = (Math.Max(cut - _cdsIndex, 0) / 3) + 1;
        string refP = _referenceProtein;
        if (cut < _cdsIndex + 3 && !alt.AsSpan(_cdsIndex, 3).SequenceEqual("ATG"u8))
        {
            return (VariantConsequence.StartLost, "p.Met1?", 1);
        }

        int delta = inserted.Length - removed;
        if (delta % 3 != 0)
        {
            string altP = GeneticCode.Translate(alt.AsSpan(_cdsIndex));
            int i = FirstDifference(refP, altP);
            if (i >= refP.Length)
            {
                return (VariantConsequence.Synonymous, "p.=", firstCodon);
            }

            int number = i + 1;
            if (i < altP.Length && altP[i] == '*')
            {
                return (VariantConsequence.StopGained, $"p.{AminoAcids.ThreeLetter(refP[i])}{number}Ter", number);
            }

            if (refP[i] == '*')
            {
                int newStop = altP.IndexOf('*', i);
                string ext = newStop < 0 ? "?" : (newStop - i).ToString(CultureInfo.InvariantCulture);
                return (VariantConsequence.StopLost, $"p.Ter{number}{AminoAcids.ThreeLetter(i < altP.Length ? altP[i] : 'X')}ext*{ext}", number);
            }

            int stop = altP.IndexOf('*', i);
            string ter = stop < 0 ? "?" : (stop - i + 1).ToString(CultureInfo.InvariantCulture);
            return (VariantConsequence.Frameshift, $"p.{AminoAcids.ThreeLetter(refP[i])}{number}{AminoAcids.ThreeLetter(i < altP.Length ? altP[i] : 'X')}fsTer{ter}", number);
        }

        // In frame: translate the same span (plus the net codons) and trim at the protein level, prefix first (3' rule).
        int altCdsLength = _transcript.CdsLength + delta;
        string full = GeneticCode.Translate(alt.AsSpan(_cdsIndex, Math.Min(altCdsLength, alt.Length - _cdsIndex)));
        int p = FirstDifference(refP, full);
        if (p >= refP.Length && full.Length == refP.Length)
        {
            return (VariantConsequence.Synonymous, "p.=", firstCodon);
        }

        int s = 0;
        while (s < refP.Length - p && s < full.Length - p && refP[^(s + 1)] == full[^(s + 1)])
        {
            s++;
        }

        string del = refP[p..(refP.Length - s)];
        string ins = full[p..(full.Length - s)];
        int pos = p + 1;
        if (del.Length > 0 && del[0] == '*')
        {
            string altTail = GeneticCode.Translate(alt.AsSpan(_cdsIndex + (3 * p)));
            int newStop = altTail.IndexOf('*');
            string ext = newStop < 0 ? "?" : newStop.ToString(CultureInfo.InvariantCulture);
            return (VariantConsequence.StopLost, $"p.Ter{pos}{AminoAcids.ThreeLetter(altTail.Length > 0 ? altTail[0] : 'X')}ext*{ext}", pos);
        }

        int stopInIns = ins.IndexOf('*');
        if (stopInIns == 0)
        {
            return (VariantConsequence.StopGained, $"p.{AminoAcids.ThreeLetter(refP[p])}{pos}Ter", pos);
        }

        string Range(int from, int length) => length == 1
            ? $"{AminoAcids.ThreeLetter(refP[from])}{from + 1}"
            : $"{AminoAcids.ThreeLetter(refP[from])}{from + 1}_{AminoAcids.ThreeLetter(refP[from + length - 1])}{from + length}";

        if (stopInIns > 0)
        {
            string upToStop = ins[..(stopInIns + 1)];
            string delRange = del.Length == 0 ? Range(p - 1, 2) : Range(p, del.Length);
            string op = del.Length == 0 ? "ins" : "delins";
            return (VariantConsequence.StopGained, $"p.{delRange}{op}{AminoAcids.ThreeLetter(upToStop)}", pos);
        }

        if (ins.Length == 0)
        {
            return (VariantConsequence.InframeDeletion, $"p.{Range(p, del.Length)}del", pos);
        }

        if (del.Length == 0)
        {
            int l = ins.Length;
            if (p >= l && string.Equals(refP.Substring(p - l, l), ins, StringComparison.Ordinal))
            {
                return (VariantConsequence.InframeInsertion, $"p.{Range(p - l, l)}dup", p - l + 1);
            }

            return (VariantConsequence.InframeInsertion, $"p.{Range(p - 1, 2)}ins{AminoAcids.ThreeLetter(ins)}", p);
        }

        if (del.Length == 1 && ins.Length == 1)
        {
            return (VariantConsequence.Missense, $"p.{AminoAcids.ThreeLetter(refP[p])}{pos}{AminoAcids.ThreeLetter(ins[0])}", pos);
        }

        VariantConsequence kind = ins.Length > del.Length ? VariantConsequence.InframeInsertion
            : ins.Length < del.Length ? VariantConsequence.InframeDeletion
            : VariantConsequence.Missense;
        return (kind, $"p.{Range(p, del.Length)}delins{AminoAcids.ThreeLetter(ins)}", pos);
    }

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private bool NearInternalExonEnd(int g)
    {
        Exon? exon = _transcript.ExonAt(new Position(g));
        if (exon is null)
        {
            return false;
        }

        bool startBordersIntron = exon.Interval.Start != _transcript.Span.Start;
        bool endBordersIntron = exon.Interval.End != _transcript.Span.End;
        return (startBordersIntron && g - exon.Interval.Start.Value < SpliceRegionExonicBases) ||
               (endBordersIntron && exon.Interval.End.Value - g < SpliceRegionExonicBases);
    }

    private string? FormatRange(int start, int end)
    {
        bool minus = _transcript.Strand == Strand.Minus;
        string? first = FormatPosition(minus ? end : start);
        string? last = FormatPosition(minus ? start : end);
        if (first is null || last is null)
        {
            return null;
        }

        return start == end ? first : $"{first}_{last}";
    }

    private string? FormatPosition(int g) =>
        g >= 1 && _transcript.TryGetCdsPosition(new Position(g), out CdsPosition c) ? c.ToHgvsNumber() : null;

    private string OnTranscript(string genomic)
    {
        if (_transcript.Strand != Strand.Minus)
        {
            return genomic;
        }

        byte[] bytes = Encoding.ASCII.GetBytes(genomic);
        GeneticCode.ReverseComplement(bytes);
        return Encoding.ASCII.GetString(bytes);
    }

    /// <summary>Exon number ×2 for exonic bases, intron number ×2+1 for intronic ones, −1 outside the transcript.</summary>
    private int Segment(int g)
    {
        var position = new Position(g);
        Exon? exon = _transcript.ExonAt(position);
        if (exon is not null)
        {
            return exon.Number * 2;
        }

        Intron? intron = _transcript.Introns.FirstOrDefault(i => i.Interval.Contains(position));
        return intron is null ? -1 : (intron.UpstreamExon * 2) + 1;
    }

    private bool InSlice(int g) => g >= 1 && _reference.Contains(new Position(g));

    private byte Base(int g) => _reference.BaseAt(new Position(g));

    private GenomicInterval Interval(int start, int end) => new(_reference.Contig, new Position(start), new Position(end));

    /// <summary>A trimmed variant: <see cref="DeletedLength"/> bases from <see cref="Start"/> replaced by <see cref="Inserted"/>.</summary>
    private readonly record struct SmallVariant(int Start, int DeletedLength, string Inserted)
    {
        public int End => Start + DeletedLength - 1;

        public bool IsInsertion => DeletedLength == 0;

        public bool IsDeletion => Inserted.Length == 0;
    }
}
