using Microsoft.Extensions.Options;
using OperationsCenter.Catalog;
using OperationsCenter.Grains.Departments;

namespace OperationsCenter.Server.Catalog;

/// <summary>Registers the province catalog.</summary>
internal static class CatalogHostingExtensions
{
    /// <summary>
    /// Loads the catalog named by <c>OperationsCenter:CatalogPath</c> (if any) at startup and makes it the source of the
    /// department list. An invalid catalog stops the start with every problem listed (file, entry, field, line):
    /// a control room without its list of units would show a wrong picture.
    /// </summary>
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["OperationsCenter:CatalogPath"];
        ConfiguredCatalog catalog = new(null, null);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = CatalogFile.Resolve(configured, builder.Environment.ContentRootPath);
            catalog = new ConfiguredCatalog(CatalogReader.Load(path, configured), path);
        }

        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<IPostConfigureOptions<DepartmentDirectoryOptions>, CatalogDepartmentDirectory>();
        return builder;
    }
}
