namespace CrbnVariantCaller.Reporting.Vcf;

/// <summary>One formatted VCF data line with the coordinates needed to sort and index it.</summary>
/// <param name="ContigIndex">Index of CHROM in the header's contig list (the sort key).</param>
/// <param name="Chrom">CHROM.</param>
/// <param name="Pos">POS, 1-based.</param>
/// <param name="RefLength">Length of REF (the record spans POS .. POS + RefLength − 1).</param>
/// <param name="Text">The line without its newline.</param>
internal sealed record VcfRecordLine(int ContigIndex, string Chrom, int Pos, int RefLength, string Text);
