using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>
/// What rule evaluation reads from one series; the series grain implements it over its fields' latest values and
/// rolling buckets. Windows end at the same "now" the evaluation is given.
/// </summary>
public interface ISeriesReadings
{
    /// <summary>The newest value of <paramref name="field"/> and its timestamp; false when the field never reported.</summary>
    bool TryLatest(string field, out double value, out DateTimeOffset time);

    /// <summary>
    /// Aggregates of <paramref name="field"/> over the last <paramref name="length"/> (1 minute to 1 hour).
    /// Null when the field never reported; a <see cref="WindowStats"/> with <c>Count</c> 0 when it was silent in the
    /// window. <c>Window</c> (the name) is not read.
    /// </summary>
    WindowStats? Window(string field, TimeSpan length);

    /// <summary>
    /// The oldest value of <paramref name="field"/> held at or after <paramref name="since"/>, and its timestamp;
    /// false when there is none. Bucket precision is enough: the newest value of the oldest bucket in range.
    /// </summary>
    bool TryEarliest(string field, DateTimeOffset since, out double value, out DateTimeOffset time);
}
