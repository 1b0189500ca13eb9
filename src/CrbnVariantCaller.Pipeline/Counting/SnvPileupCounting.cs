using CrbnVariantCaller.Calling.Snv;
using CrbnVariantCaller.Compute.Backends;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>SNV and indel calling: the quality-band pileups the caller asks for, counted on the engine, then the call.</summary>
public static class SnvPileupCounting
{
    /// <summary>Counts the pileups <paramref name="caller"/> asks for on <paramref name="input"/>'s tumour and normal reads and calls.</summary>
    public static SnvCallSet CallSnvs(this ComputeEngine engine, SnvCaller caller, SnvCallInput input)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        SnvPileupRequests requests = caller.PileupRequests(input);
        var pileups = new SnvPileups(
            engine.Pileups(input.Tumor, requests.Tumor),
            input.Normal is null || requests.Normal is null ? null : engine.Pileups(input.Normal, requests.Normal));
        return caller.Call(input, pileups);
    }
}
