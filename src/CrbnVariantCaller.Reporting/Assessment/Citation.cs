namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>A published source behind an interpretation.</summary>
/// <param name="Key">Stable key used by the rules (<c>gooding2021</c>).</param>
/// <param name="Text">The reference as the report prints it.</param>
public sealed record Citation(string Key, string Text);
