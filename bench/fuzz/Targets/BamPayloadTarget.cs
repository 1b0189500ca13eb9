using CrbnVariantCaller.Fuzz.Engine;
using CrbnVariantCaller.Fuzz.Mutation;

namespace CrbnVariantCaller.Fuzz.Targets;

/// <summary>BAM with the decompressed stream mutated (header and record fields) and recompressed with valid CRCs.</summary>
public sealed class BamPayloadTarget : IFuzzTarget
{
    private readonly BamPayloadMutations _mutations = new(BgzfMutations.Decompress(Seeds.Read("seed.bam")));

    public string Name => "bam-payload";

    public FuzzInput Mutate(Random random) =>
        FuzzInput.Single("case.bam", BgzfMutations.Compress(_mutations.Mutate(random), random));

    public void Consume(FuzzInput input, FuzzWorkspace workspace) => BamConsumer.ReadAll(input["case.bam"], "case.bam");
}
