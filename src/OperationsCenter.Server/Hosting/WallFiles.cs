using Microsoft.Extensions.FileProviders;

namespace OperationsCenter.Server.Hosting;

/// <summary>Serves the wall (<c>dashboards/wall</c>) at <c>/</c>.</summary>
internal static class WallFiles
{
    /// <summary>
    /// Uses <c>OperationsCenter:WallPath</c>, or finds <c>dashboards/wall</c> above the content root or the
    /// binaries, so <c>dotnet run</c> and the tests serve the files of the checkout.
    /// </summary>
    public static WebApplication UseWall(this WebApplication app)
    {
        var path = app.Configuration["OperationsCenter:WallPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, app.Environment.ContentRootPath)
            : Find(app.Environment.ContentRootPath) ?? Find(AppContext.BaseDirectory);
        if (path is null || !Directory.Exists(path))
        {
            app.Logger.LogWarning("The wall's files were not found; set OperationsCenter:WallPath to the dashboards/wall folder");
            return app;
        }

        var files = new PhysicalFileProvider(path);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "dashboards", "wall");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        return null;
    }
}
