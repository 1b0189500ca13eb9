using CrbnVariantCaller.Fuzz.Engine;
using CrbnVariantCaller.Fuzz.Mutation;

namespace CrbnVariantCaller.Fuzz.Targets;

/// <summary>
/// A line-oriented text reader: one seed file, mutated by <see cref="TextMutations"/>, read by <paramref name="consume"/>
/// from the file's bytes or from a path in the workspace (for readers that only take a path).
/// </summary>
public sealed class TextTarget(string name, string seedFile, string fileName, Action<byte[], Func<string>> consume) : IFuzzTarget
{
    private readonly byte[] _seed = Seeds.Read(seedFile);

    public string Name => name;

    public FuzzInput Mutate(Random random) => FuzzInput.Single(fileName, TextMutations.Mutate(_seed, random));

    public void Consume(FuzzInput input, FuzzWorkspace workspace) =>
        consume(input[fileName], () => workspace.Materialise(input, fileName));
}
