namespace OperationsCenter.Server.Persistence;

/// <summary>The server's data folder (<c>OperationsCenter:DataDirectory</c>): spool, dead letters.</summary>
internal static class DataDirectory
{
    /// <summary>The configured folder made absolute against the content root; created if missing.</summary>
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = Path.GetFullPath(configuration["OperationsCenter:DataDirectory"] is { Length: > 0 } configured ? configured : "data",
            environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}
