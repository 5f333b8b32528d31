using Microsoft.Extensions.FileProviders;

namespace OperationsCenter.Server.Hosting;

/// <summary>Serves the wall (<c>dashboards/wall</c>) at <c>/</c>: the sign-in page's files to anyone, the rest to signed-in people.</summary>
internal static class WallFiles
{
    // What the sign-in page needs before anyone has signed in; nothing here is secret.
    private static readonly string[] PublicFiles = ["/login.css", "/login.js", "/favicon.svg"];

    /// <summary>
    /// <c>OperationsCenter:WallPath</c>, or <c>dashboards/wall</c> found above the content root or the binaries, so
    /// <c>dotnet run</c> and the tests serve the files of the checkout; null (with a warning) when absent.
    /// </summary>
    public static string? Locate(WebApplication app)
    {
        var path = app.Configuration["OperationsCenter:WallPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, app.Environment.ContentRootPath)
            : Find(app.Environment.ContentRootPath) ?? Find(AppContext.BaseDirectory);
        if (path is null || !Directory.Exists(path))
        {
            app.Logger.LogWarning("The wall's files were not found; set OperationsCenter:WallPath to the dashboards/wall folder");
            return null;
        }

        return path;
    }

    /// <summary>Serves the sign-in page's files and the texts (<c>/i18n</c>); goes before authorization.</summary>
    public static WebApplication UsePublicWallFiles(this WebApplication app, string? path)
    {
        if (path is not null)
        {
            var files = new StaticFileOptions { FileProvider = new PhysicalFileProvider(path) };
            app.UseWhen(context => IsPublic(context.Request.Path), branch => branch.UseStaticFiles(files));
        }

        return app;
    }

    /// <summary>Serves the wall's pages and scripts; goes after authorization, whose fallback policy guards them.</summary>
    public static WebApplication UseWall(this WebApplication app, string? path)
    {
        if (path is not null)
        {
            var files = new PhysicalFileProvider(path);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        return app;
    }

    private static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/i18n") || PublicFiles.Any(f => path.Equals(f, StringComparison.OrdinalIgnoreCase));

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
