using Microsoft.AspNetCore.StaticFiles;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Admin;

/// <summary>
/// The admin screens (<c>/admin</c>) and the scripts they load, for administrators only: served by endpoints under
/// the admin policy rather than as static files (whose policy lets operators and leaders in), so an administrator
/// without the operator role gets them and nobody else does.
/// </summary>
internal static class AdminPages
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>Maps <c>/admin</c>, <c>/admin/admin.css</c>, <c>/admin/js/…</c> and closes <c>/admin.html</c> and <c>/js/admin/…</c> to others.</summary>
    public static IEndpointRouteBuilder MapAdminPages(this IEndpointRouteBuilder app, string? wallPath)
    {
        if (wallPath is null)
        {
            return app;
        }

        // Pages and scripts, not API operations: left out of the OpenAPI document.
        var pages = app.MapGroup("").RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        pages.MapGet("/admin", () => Serve(wallPath, "admin.html"));
        pages.MapGet("/admin.html", () => Serve(wallPath, "admin.html"));
        pages.MapGet("/admin/{**path}", (string? path) => path switch
        {
            null or "" => Serve(wallPath, "admin.html"),
            "admin.css" => Serve(wallPath, "admin.css"),
            _ when path.StartsWith("js/", StringComparison.Ordinal) && path.EndsWith(".js", StringComparison.Ordinal) => Serve(wallPath, path),
            _ => Results.NotFound(),
        });
        pages.MapGet("/js/admin/{**path}", (string path) => Serve(wallPath, "js/admin/" + path));
        return app;
    }

    private static IResult Serve(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));

        // Only files of the wall's folder, whatever the path says.
        if (!full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            return Results.NotFound();
        }

        var type = Types.TryGetContentType(full, out var found) ? found : "application/octet-stream";
        return Results.File(full, type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) ? type + "; charset=utf-8" : type);
    }
}
