namespace OperationsCenter.Testing;

/// <summary>Files of the repository checkout the tests run from (the demo rules, the catalog, settings).</summary>
public static class Checkout
{
    /// <summary>The folder holding <c>OperationsCenter.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path relative to the checkout's root, e.g. <c>catalog/laichau.yaml</c>.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OperationsCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OperationsCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
