using System.Collections.Frozen;
using OperationsCenter.Catalog;
using OperationsCenter.Grains.Series;
using OperationsCenter.Server.Catalog;

namespace OperationsCenter.Server.Wall;

/// <summary>
/// Which series the wall shows: a series one of whose fields is a catalog metric (its measurement and field), as the
/// wall's tiles, unit cards and drill-down are built from the catalog's metrics. A province may have a hundred thousand
/// series (a load feed, per-desk or per-device tags under other measurements); the wall shows the catalog's. Without a
/// catalog the wall has no other guide, so it shows every series. The same rule decides what the read model keeps,
/// what a snapshot holds and which series pushes reach wall pages, so a reconnect shows what was there before it.
/// </summary>
internal sealed class WallSeriesSelection(ConfiguredCatalog configured)
{
    private readonly ProvinceCatalog? _catalog = configured.Catalog;
    private readonly FrozenSet<(string Measurement, string Field)> _metrics = MetricsOf(configured.Catalog, headlineOnly: false);
    private readonly FrozenSet<(string Measurement, string Field)> _headlines = MetricsOf(configured.Catalog, headlineOnly: true);

    /// <summary>True when the wall shows <paramref name="series"/>.</summary>
    public bool Shows(SeriesUpdate series) => _catalog is null || Any(series, _metrics);

    /// <summary>
    /// True when one of the series' fields is a headline metric: the leader view's indicators are built from these
    /// alone. Without a catalog there are no headline indicators, so none is.
    /// </summary>
    public bool IsHeadline(SeriesUpdate series) => Any(series, _headlines);

    private static bool Any(SeriesUpdate series, FrozenSet<(string, string)> metrics)
    {
        foreach (var field in series.Fields)
        {
            if (metrics.Contains((series.Measurement, field.Name)))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenSet<(string, string)> MetricsOf(ProvinceCatalog? catalog, bool headlineOnly) =>
        (catalog?.Metrics ?? []).Where(m => !headlineOnly || m.Headline).Select(m => (m.Measurement, m.Field)).ToFrozenSet();
}
