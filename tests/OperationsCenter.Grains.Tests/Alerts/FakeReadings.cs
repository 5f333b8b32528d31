using OperationsCenter.Grains.Alerts.Evaluation;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Tests.Alerts;

/// <summary>Exact point lists per field, standing in for a series grain; windows end at <see cref="Now"/>.</summary>
internal sealed class FakeReadings : ISeriesReadings
{
    private readonly Dictionary<string, List<(DateTimeOffset Time, double Value)>> _points = new(StringComparer.Ordinal);

    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Records a point at the current time.</summary>
    public FakeReadings Add(string field, double value) => Add(field, Now, value);

    public FakeReadings Add(string field, DateTimeOffset time, double value)
    {
        if (!_points.TryGetValue(field, out var list))
        {
            _points[field] = list = [];
        }

        list.Add((time, value));
        list.Sort((a, b) => a.Time.CompareTo(b.Time));
        return this;
    }

    public bool TryLatest(string field, out double value, out DateTimeOffset time)
    {
        (time, value) = _points.TryGetValue(field, out var list) && list.Count > 0 ? list[^1] : default;
        return list is { Count: > 0 };
    }

    public WindowStats? Window(string field, TimeSpan length)
    {
        if (!_points.TryGetValue(field, out var list))
        {
            return null;
        }

        var values = list.Where(p => p.Time >= Now - length && p.Time <= Now).Select(p => p.Value).ToList();
        return values.Count == 0
            ? new WindowStats("custom", 0, 0, null, null, null, null)
            : new WindowStats("custom", values.Count, values.Sum(), values.Min(), values.Max(), values[^1], values.Average());
    }

    public bool TryEarliest(string field, DateTimeOffset since, out double value, out DateTimeOffset time)
    {
        var found = _points.TryGetValue(field, out var list) && list.Any(p => p.Time >= since);
        (time, value) = found ? list!.First(p => p.Time >= since) : default;
        return found;
    }
}
