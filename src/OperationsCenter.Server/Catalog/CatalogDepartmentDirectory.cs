using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Departments;

namespace OperationsCenter.Server.Catalog;

/// <summary>
/// Makes the catalog the source of the department list: when <c>OperationsCenter:Departments</c> lists none, the
/// overview expects every unit of the catalog. A configured list still wins (tests and small setups set one).
/// </summary>
internal sealed class CatalogDepartmentDirectory(ConfiguredCatalog configured) : IPostConfigureOptions<DepartmentDirectoryOptions>
{
    /// <inheritdoc />
    public void PostConfigure(string? name, DepartmentDirectoryOptions options)
    {
        if (options.Departments.Count > 0 || configured.Catalog is not { } catalog)
        {
            return;
        }

        options.Departments = [.. catalog.Departments.Select(d => new DepartmentEntry { Id = d.Id, Name = d.Name })];
    }
}
