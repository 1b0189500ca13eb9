namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Something the report could not judge.</summary>
/// <param name="What">What could not be judged (for example <c>point mutations at chr3:3,151,020-3,151,040</c>).</param>
/// <param name="Why">Why (for example <c>depth 35 cannot show a VAF below 0.17</c>).</param>
public sealed record NotAssessableItem(string What, string Why);
