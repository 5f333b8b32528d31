using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OperationsCenter.Server.Api;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Departments;

/// <summary>
/// Who may see a department's page and data: its own staff (<c>department:&lt;id&gt;</c>) and admins. Department staff
/// get nothing else of the center: not the wall, not the read API, not the hub.
/// </summary>
internal static class DepartmentAccess
{
    // The page's own files and the shared modules it imports; every other file stays the wall's.
    private static readonly string[] PageFiles =
        ["/department.css", "/js/dom.js", "/js/format.js", "/js/i18n.js", "/js/session.js", "/lib/uPlot.iife.min.js", "/lib/uPlot.min.css"];

    /// <summary>The departments whose staff the person is.</summary>
    public static IReadOnlyList<string> DepartmentsOf(ClaimsPrincipal user) =>
        [.. Roles.Departments(user.FindAll(ClaimTypes.Role).Select(c => c.Value))];

    /// <summary>True when the person may read <paramref name="department"/>'s page and data.</summary>
    public static bool MayRead(ClaimsPrincipal user, string? department) =>
        department is { Length: > 0 } && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Department(department)));

    /// <summary>The department policy: staff of some department, or an admin; which one is checked per request.</summary>
    public static bool IsStaff(AuthorizationHandlerContext context) =>
        context.User.IsInRole(Roles.Admin) || DepartmentsOf(context.User).Count > 0;

    /// <summary>
    /// The fallback policy (files and endpoints that name none): operators and leaders; department staff only for
    /// their page's files.
    /// </summary>
    public static bool FallbackAllows(AuthorizationHandlerContext context) =>
        context.User.IsInRole(Roles.Operator) || context.User.IsInRole(Roles.Leader) ||
        (context.Resource is HttpContext http && IsPageFile(http.Request.Path) && IsStaff(context));

    /// <summary>Requires the department policy, and the route's <c>{id}</c> to be a department the person may read (403 otherwise).</summary>
    public static TBuilder RequireDepartmentOfRoute<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(Policies.Department);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var id = context.HttpContext.GetRouteValue("id") as string;
            return MayRead(context.HttpContext.User, id)
                ? await next(context)
                : TypedResults.Json(new ApiError($"you may see only your own department's page and data; \"{id}\" is not yours"),
                    statusCode: StatusCodes.Status403Forbidden);
        });
        return builder;
    }

    private static bool IsPageFile(PathString path) =>
        path.StartsWithSegments("/js/department") || PageFiles.Any(f => path.Equals(f, StringComparison.OrdinalIgnoreCase));
}
