namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// Reads of one allele at a given site, counted with the caller's definitions (<see cref="SnvCaller.MeasureSnvs"/>,
/// <see cref="SnvCaller.MeasureIndels"/>), so that a re-measured count means what a called variant's AD and DP mean.
/// </summary>
/// <param name="AltReads">Reads (overlapping mates once) carrying the allele: the alt base in the filtered pileup for an SNV, templates whose CIGAR carries the left-normalised indel for an indel.</param>
/// <param name="Depth">The filtered pileup depth at the site (an indel's anchor), at least <paramref name="AltReads"/> for an indel.</param>
public readonly record struct AlleleMeasurement(int AltReads, int Depth);
