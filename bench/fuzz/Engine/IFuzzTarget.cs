namespace CrbnVariantCaller.Fuzz.Engine;

/// <summary>One reader under test: how to make a mutated input from its seed, and how to read it the way crbn does.</summary>
public interface IFuzzTarget
{
    /// <summary>Short name used in counts and reproducer folders (e.g. <c>bam-payload</c>).</summary>
    string Name { get; }

    /// <summary>A mutated input; every random choice comes from <paramref name="random"/>, so a case replays from its number.</summary>
    FuzzInput Mutate(Random random);

    /// <summary>
    /// Reads <paramref name="input"/> completely. Malformed input must surface as
    /// <see cref="Core.Errors.InvalidInputFileException"/> (or a subclass); anything else is a finding.
    /// </summary>
    void Consume(FuzzInput input, FuzzWorkspace workspace);
}
