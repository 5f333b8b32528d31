namespace OperationsCenter.Grains.Series;

/// <summary>One numeric field of a series: latest value and rolling windows.</summary>
internal sealed class SeriesField(string name)
{
    public string Name { get; } = name;

    public double Latest { get; set; }

    public long LatestTime { get; set; } = long.MinValue;

    public RollingWindows Windows { get; } = new();
}
