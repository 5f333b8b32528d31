using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Series;

/// <summary>A series grain's fields as rule evaluation reads them.</summary>
internal sealed class SeriesReadings(IReadOnlyDictionary<string, SeriesField> fields, long nowNanos) : ISeriesReadings
{
    /// <inheritdoc />
    public bool TryLatest(string field, out double value, out DateTimeOffset time)
    {
        if (fields.TryGetValue(field, out var state))
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
    public WindowStats? Window(string field, TimeSpan length) =>
        fields.TryGetValue(field, out var state) ? state.Windows.Aggregate(nowNanos, length) : null;

    /// <inheritdoc />
    public bool TryEarliest(string field, DateTimeOffset since, out double value, out DateTimeOffset time)
    {
        if (fields.TryGetValue(field, out var state) && state.Windows.TryEarliest(UnixNanos.From(since), out value, out var nanos))
        {
            time = UnixNanos.ToDateTimeOffset(nanos);
            return true;
        }

        value = 0;
        time = default;
        return false;
    }
}
