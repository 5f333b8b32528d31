using Microsoft.Extensions.Options;
using OperationsCenter.Catalog;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Server.Api;

namespace OperationsCenter.Server.Catalog;

/// <summary><c>GET /api/v1/catalog</c>: the province, the departments the center expects and the metrics it tracks.</summary>
internal static class CatalogApi
{
    /// <summary>Maps the catalog route group.</summary>
    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        // Administrators read it too: the admin screens name units and offer the departments to issue keys for.
        var group = app.MapGroup("/api/v1/catalog").RequireAuthorization(p => p.RequireRole(Security.Roles.Operator, Security.Roles.Leader, Security.Roles.Admin));
        group.MapGet("", Get);
        return group;
    }

    private static IResult Get(ConfiguredCatalog configured, IOptionsMonitor<DepartmentDirectoryOptions> directory)
    {
        if (configured.Catalog is not { } catalog)
        {
            return TypedResults.NotFound(new ApiError(
                "no catalog is configured: set OperationsCenter:CatalogPath to a catalog file such as catalog/laichau.yaml"));
        }

        // The departments the overview shows: the catalog's, or the configured list where one is set, with the
        // catalog's kind where it knows the unit.
        var kinds = catalog.Departments.ToDictionary(d => d.Id, d => d.Kind, StringComparer.Ordinal);
        var departments = directory.CurrentValue.Departments
            .Select(d => new CatalogDepartment(d.Id, d.Name, kinds.TryGetValue(d.Id, out var kind) ? kind : CatalogDepartment.KindOf(d.Id)))
            .ToList();
        return TypedResults.Ok(new { catalog.Province, Departments = departments, catalog.Metrics });
    }
}
