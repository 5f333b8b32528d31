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
    [property: JsonIgnore] double? Start)
{
    /// <summary>The province-wide figure's watch and alarm levels (catalog <c>levels</c>); null when not given.</summary>
    public MetricLevels? Levels { get; init; }

    /// <summary>
    /// One unit's figure's levels (catalog <c>unit_levels</c>); null when not given (the wall then uses
    /// <see cref="Levels"/> for units of avg, min and max metrics, where a unit's figure is on the province's scale).
    /// </summary>
    public MetricLevels? UnitLevels { get; init; }

    /// <summary>Shown on each unit's card on the wall, in this order (1 first); null when not on the cards.</summary>
    public int? Card { get; init; }

    /// <summary>A short label for the units' cards ("Quá hạn"); null when the name serves.</summary>
    public LocalizedText? Short { get; init; }

    /// <summary>Names of values that are states (<c>"0"</c> → "mất kết nối"), keyed by the number as written invariantly; null when the values are amounts.</summary>
    public IReadOnlyDictionary<string, LocalizedText>? States { get; init; }
}
