namespace CrbnVariantCaller.Formats.Expression;

/// <summary>The expression table formats <see cref="ExpressionTableReader"/> recognises from the header.</summary>
public enum ExpressionTableFormat
{
    /// <summary>salmon <c>quant.sf</c> / <c>quant.genes.sf</c>: Name, Length, EffectiveLength, TPM, NumReads.</summary>
    Salmon,

    /// <summary>featureCounts output: a <c># Program:featureCounts</c> comment, then Geneid, Chr, Start, End, Strand, Length and one count column per BAM.</summary>
    FeatureCounts,

    /// <summary>RSEM <c>.genes.results</c>: gene_id, transcript_id(s), length, effective_length, expected_count, TPM, FPKM (…).</summary>
    Rsem,

    /// <summary>A gene column plus named quantity columns (tpm, counts, length …) of one sample.</summary>
    GeneValues,

    /// <summary>A gene column plus one numeric column per sample (CSV or TSV).</summary>
    Matrix,
}
