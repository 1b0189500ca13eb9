namespace CrbnVariantCaller.TestSupport;

/// <summary>Locates the repository root and the <c>../shared</c> folder beside it.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding <c>CrbnVariantCaller.sln</c>.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The <c>shared</c> folder beside the repository root (may not exist).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The conformance corpus, <c>../shared/corpus</c> (may not exist).</summary>
    public static string Corpus => Path.Combine(Shared, "corpus");

    /// <summary>The committed synthetic test data.</summary>
    public static string TestData => Path.Combine(Root, "testdata");

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "CrbnVariantCaller.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("CrbnVariantCaller.sln not found above " + AppContext.BaseDirectory);
    }
}
