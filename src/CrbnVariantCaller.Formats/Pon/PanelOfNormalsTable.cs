namespace CrbnVariantCaller.Formats.Pon;

/// <summary>The contents of a <c>crbn pon</c> TSV: where it came from and one row per target.</summary>
public sealed record PanelOfNormalsTable
{
    /// <summary>The genome build the normals were aligned to (<c>GRCh38</c> or <c>GRCh37</c>).</summary>
    public required string GenomeBuild { get; init; }

    /// <summary>The normals' sample names, in the order given.</summary>
    public required IReadOnlyList<string> Normals { get; init; }

    /// <summary>Normals given to <c>crbn pon</c> but left out as outliers, each with why.</summary>
    public IReadOnlyList<string> OutlierNormals { get; init; } = [];

    /// <summary>Median read length of the normals.</summary>
    public double ReadLength { get; init; }

    /// <summary>The normals' median depth over target bins.</summary>
    public double TargetDepth { get; init; }

    /// <summary>The normals' median depth over off-target or genome bins.</summary>
    public double BackgroundDepth { get; init; }

    /// <summary>Median residual noise (log2) of the normals against the panel.</summary>
    public double NormalNoise { get; init; }

    /// <summary>How depths were normalised before the per-target median (free text, for provenance).</summary>
    public string Normalisation { get; init; } = PonTsv.DefaultNormalisation;

    /// <summary>The targets, in file order.</summary>
    public required IReadOnlyList<PonTarget> Targets { get; init; }
}
