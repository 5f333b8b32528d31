using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Series;

/// <summary>
/// The live state of one partition of a department's series: per series and numeric field, the latest value and
/// rolling windows, and the series' rule evaluation. Keyed by partition number and department id
/// (<see cref="SeriesPartitions"/>), so the edge makes one call per partition per flush, however many series move.
/// </summary>
public interface ISeriesPartitionGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Merges what the edge collected for series of this partition since its last flush.</summary>
    Task Apply(ImmutableArray<SeriesBatch> batches);

    /// <summary>Evaluates the rules on one series again and reports every condition to its alert (a rule changed, an alert restarted).</summary>
    [OneWay]
    Task Reevaluate(SeriesId series);

    /// <summary>
    /// A dry run: how <paramref name="rules"/> judge each series of the partition as it is now (series rules and
    /// series-scoped deadman and deadline rules), every condition, nothing reported to any alert.
    /// </summary>
    Task<ImmutableArray<AlertSignal>> DryRun(ImmutableArray<AlertRule> rules);

    /// <summary>Current values and windows of every series of the partition that has a value.</summary>
    Task<ImmutableArray<SeriesSnapshot>> GetSnapshots();
}
