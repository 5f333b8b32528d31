using OperationsCenter.Catalog;

namespace OperationsCenter.Server.Departments;

/// <summary>The catalog's metrics of one measurement: what one report template covers.</summary>
/// <param name="Measurement">The measurement.</param>
/// <param name="Metrics">Its metrics, in the catalog's order.</param>
public sealed record MetricGroup(string Measurement, IReadOnlyList<CatalogMetric> Metrics);
