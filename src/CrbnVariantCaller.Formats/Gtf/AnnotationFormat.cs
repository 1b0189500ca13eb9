namespace CrbnVariantCaller.Formats.Gtf;

/// <summary>The dialect of a gene annotation file.</summary>
public enum AnnotationFormat
{
    /// <summary>GTF (GFF2.5): attributes written <c>gene_id "X"; transcript_id "Y";</c>.</summary>
    Gtf = 1,

    /// <summary>GFF3: attributes written <c>ID=X;Parent=Y,Z</c>, percent-encoded.</summary>
    Gff3 = 2,
}
