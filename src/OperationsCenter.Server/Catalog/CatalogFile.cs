namespace OperationsCenter.Server.Catalog;

/// <summary>Finds the catalog file named by <c>OperationsCenter:CatalogPath</c>.</summary>
internal static class CatalogFile
{
    /// <summary>
    /// The configured path relative to the content root; when no file is there, the same relative path in a folder
    /// above the content root or the binaries (as the wall's files are found), so <c>dotnet run</c>, the built
    /// binaries and the tests all read the checkout's <c>catalog/</c>. Returns the content-root path when none exists,
    /// so the error names where it looked first.
    /// </summary>
    public static string Resolve(string configured, string contentRoot)
    {
        var direct = Path.GetFullPath(configured, contentRoot);
        if (File.Exists(direct) || Path.IsPathRooted(configured))
        {
            return direct;
        }

        return Find(contentRoot, configured) ?? Find(AppContext.BaseDirectory, configured) ?? direct;
    }

    private static string? Find(string start, string relative)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
