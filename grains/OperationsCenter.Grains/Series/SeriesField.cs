namespace OperationsCenter.Grains.Series;

/// <summary>
/// One numeric field of a series: latest value, and its rolling windows in the same object (a partition holds
/// hundreds of thousands of fields, so no object more than needed).
/// </summary>
internal sealed class SeriesField(string name) : RollingWindows
{
    public string Name { get; } = name;

    public double Latest { get; set; }

    public long LatestTime { get; set; } = long.MinValue;
}
