using CrbnVariantCaller.Fuzz.Engine;
using CrbnVariantCaller.Fuzz.Mutation;

namespace CrbnVariantCaller.Fuzz.Targets;

/// <summary>BAM with the compressed file mutated: flips, truncation, dropped, duplicated and swapped blocks, broken headers.</summary>
public sealed class BamCompressedTarget : IFuzzTarget
{
    // The seed split into small blocks, so that dropping or duplicating one cuts records apart.
    private readonly byte[] _seed = BgzfMutations.Compress(BgzfMutations.Decompress(Seeds.Read("seed.bam")), maxBlockData: 150);

    public string Name => "bam-compressed";

    public FuzzInput Mutate(Random random) => FuzzInput.Single("case.bam", BgzfMutations.MutateCompressed(_seed, random));

    public void Consume(FuzzInput input, FuzzWorkspace workspace) => BamConsumer.ReadAll(input["case.bam"], "case.bam");
}
