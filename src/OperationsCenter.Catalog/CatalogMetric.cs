using System.Text.Json.Serialization;

namespace OperationsCenter.Catalog;

/// <summary>A metric the center tracks: one field of one measurement.</summary>
/// <param name="Id"><c>measurement.field</c>.</param>
/// <param name="Measurement">The line protocol measurement.</param>
/// <param name="Field">The field.</param>
/// <param name="Name">Display name in both languages.</param>
/// <param name="Unit">Unit in both languages.</param>
/// <param name="Good">Which direction is better.</param>
/// <param name="Headline">True for a province-wide indicator on the wall's headline row.</param>
/// <param name="Aggregate">How units' values combine into the province's.</param>
/// <param name="Start">The province-wide figure a simulation starts from, when the catalog gives one; not part of the API.</param>
public sealed record CatalogMetric(
    string Id,
    string Measurement,
    string Field,
    LocalizedText Name,
    LocalizedText Unit,
    MetricDirection Good,
    bool Headline,
    MetricAggregate Aggregate,
    [property: JsonIgnore] double? Start);
