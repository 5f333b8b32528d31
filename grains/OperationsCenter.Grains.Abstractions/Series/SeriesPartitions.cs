namespace OperationsCenter.Grains.Series;

/// <summary>
/// How series are split into partition grains: each department's series over <see cref="PerDepartment"/>
/// partitions by a hash of the series key. Every node must use the same number; changing it moves series between
/// partitions, which then restore them from history.
/// </summary>
public sealed class SeriesPartitions
{
    /// <summary>Partitions per department (<c>OperationsCenter:LiveState:Partitions:PerDepartment</c>).</summary>
    public int PerDepartment { get; set; } = 4;

    /// <summary>The partition grain that holds <paramref name="series"/>.</summary>
    public ISeriesPartitionGrain Of(IGrainFactory grains, SeriesId series, string department) =>
        grains.GetGrain<ISeriesPartitionGrain>(series.PartitionOf(PerDepartment), department);

    /// <summary>Every partition grain of <paramref name="department"/>.</summary>
    public IEnumerable<ISeriesPartitionGrain> All(IGrainFactory grains, string department) =>
        Enumerable.Range(0, Math.Max(1, PerDepartment)).Select(p => grains.GetGrain<ISeriesPartitionGrain>(p, department));
}
