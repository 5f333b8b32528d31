using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Series;

/// <summary>Live state of one series, keyed by its canonical series key.</summary>
public interface ISeriesGrain : IGrainWithStringKey
{
    /// <summary>Merges what the edge collected for this series since its last flush.</summary>
    Task Apply(SeriesBatch batch);

    /// <summary>Evaluates the rules again and reports every condition to its alert (a rule changed, an alert restarted).</summary>
    [OneWay]
    Task Reevaluate();

    /// <summary>
    /// A dry run: how <paramref name="rules"/> judge the series as it is now (its series rules and series-scoped
    /// deadman and deadline rules), every condition, nothing reported to any alert.
    /// </summary>
    Task<ImmutableArray<AlertSignal>> DryRun(ImmutableArray<AlertRule> rules);

    /// <summary>Current values and windows; null when the series has never received a point.</summary>
    Task<SeriesSnapshot?> GetSnapshot();
}
