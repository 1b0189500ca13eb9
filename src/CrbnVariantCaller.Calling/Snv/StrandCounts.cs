namespace CrbnVariantCaller.Calling.Snv;

/// <summary>Read (fragment) counts on the forward and reverse strands.</summary>
/// <param name="Forward">Reads aligned to the forward strand.</param>
/// <param name="Reverse">Reads aligned to the reverse strand (FLAG 0x10).</param>
public readonly record struct StrandCounts(int Forward, int Reverse)
{
    /// <summary>Both strands.</summary>
    public int Total => Forward + Reverse;

    /// <summary>Adds two counts.</summary>
    public static StrandCounts operator +(StrandCounts a, StrandCounts b) => new(a.Forward + b.Forward, a.Reverse + b.Reverse);
}
