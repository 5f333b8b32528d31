using OperationsCenter.Server.Departments.Reports;
using OperationsCenter.Server.Ingest;

namespace OperationsCenter.Server.Departments;

/// <summary>Registrations of the departments' pages and reports.</summary>
internal static class DepartmentHostingExtensions
{
    /// <summary>Adds the feed log, the page's queries, the report converter and the shared feed ingest.</summary>
    public static IServiceCollection AddDepartments(this IServiceCollection services)
    {
        services.AddSingleton<DepartmentFeedLog>();
        services.AddSingleton<DepartmentQueries>();
        services.AddSingleton<ReportConverter>();
        services.AddSingleton<FeedIngest>();
        return services;
    }
}
