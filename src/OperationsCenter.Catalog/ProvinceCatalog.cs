using System.Collections.Immutable;

namespace OperationsCenter.Catalog;

/// <summary>A province's catalog: the units that report and the metrics tracked.</summary>
/// <param name="Province">The province.</param>
/// <param name="Departments">Every reporting unit, in the file's order.</param>
/// <param name="Metrics">Every metric, in the file's order.</param>
public sealed record ProvinceCatalog(CatalogProvince Province, ImmutableArray<CatalogDepartment> Departments, ImmutableArray<CatalogMetric> Metrics)
{
    /// <summary>The metric of a measurement's field, or null.</summary>
    public CatalogMetric? MetricOf(string measurement, string field) =>
        Metrics.FirstOrDefault(m => m.Measurement == measurement && m.Field == field);

    /// <summary>The metric with this id; throws naming the id when the catalog lacks it.</summary>
    public CatalogMetric Metric(string id) =>
        Metrics.FirstOrDefault(m => m.Id == id)
        ?? throw new KeyNotFoundException($"the catalog has no metric \"{id}\"");
}
