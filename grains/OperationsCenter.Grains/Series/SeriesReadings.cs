using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Series;

/// <summary>A series' fields as rule evaluation reads them.</summary>
internal sealed class SeriesReadings(SeriesState series, long nowNanos) : ISeriesReadings
{
    /// <inheritdoc />
    public bool TryLatest(string field, out double value, out DateTimeOffset time)
    {
        if (Find(field) is { } state)
        {
            value = state.Latest;
            time = UnixNanos.ToDateTimeOffset(state.LatestTime);
            return true;
        }

        value = 0;
        time = default;
        return false;
    }

    /// <inheritdoc />
    public WindowStats? Window(string field, TimeSpan length) => Find(field)?.Windows.Aggregate(nowNanos, length);

    /// <inheritdoc />
    public bool TryEarliest(string field, DateTimeOffset since, out double value, out DateTimeOffset time)
    {
        if (Find(field) is { } state && state.Windows.TryEarliest(UnixNanos.From(since), out value, out var nanos))
        {
            time = UnixNanos.ToDateTimeOffset(nanos);
            return true;
        }

        value = 0;
        time = default;
        return false;
    }

    private SeriesField? Find(string field) => Array.Find(series.Fields, f => f.Name == field);
}
