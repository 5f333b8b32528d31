using System.Collections.Immutable;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// What one series received since the last flush, merged per field and window bucket. Writers lock it;
/// the flusher seals it, after which writers move on to the next generation's instance.
/// </summary>
internal sealed class PendingSeries(SeriesIdentity identity)
{
    private readonly List<PendingField> _fields = new(4);

    public SeriesIdentity Identity { get; } = identity;

    /// <summary>When this batch was started: the flusher serves the longest-waiting first.</summary>
    public long PendingSince { get; } = Environment.TickCount64;

    public long Points { get; private set; }

    public DateTimeOffset LastReceived { get; private set; }

    /// <summary>Set under the lock by the flusher; a sealed instance takes no more points.</summary>
    public bool Sealed { get; set; }

    /// <summary>Counts one point (call once per line, under the lock).</summary>
    public void CountPoint(DateTimeOffset receivedAt)
    {
        Points++;
        LastReceived = receivedAt;
    }

    /// <summary>Merges one numeric field value (under the lock).</summary>
    public void Add(ReadOnlySpan<byte> field, double value, long timestamp)
    {
        var bucket = Grains.Series.RollingWindows.BucketOf(timestamp);
        foreach (var pending in _fields)
        {
            if (pending.Matches(field, bucket))
            {
                pending.Add(value, timestamp);
                return;
            }
        }

        var created = new PendingField(field.ToArray(), bucket);
        created.Add(value, timestamp);
        _fields.Add(created);
    }

    /// <summary>The batch for the series grain (after sealing).</summary>
    public SeriesBatch ToBatch() => new(
        Identity.Measurement,
        Identity.Department,
        Identity.Tags,
        Points,
        [.. _fields.Select(f => f.ToSample())]);

    private sealed class PendingField(byte[] name, long bucket)
    {
        private long _count;
        private double _sum;
        private double _min = double.PositiveInfinity;
        private double _max = double.NegativeInfinity;
        private double _last;
        private long _lastTime = long.MinValue;

        public bool Matches(ReadOnlySpan<byte> field, long candidate) => candidate == bucket && field.SequenceEqual(name);

        public void Add(double value, long timestamp)
        {
            _count++;
            _sum += value;
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
            if (timestamp >= _lastTime)
            {
                _last = value;
                _lastTime = timestamp;
            }
        }

        public FieldSample ToSample() =>
            new(System.Text.Encoding.UTF8.GetString(name), bucket, _count, _sum, _min, _max, _last, _lastTime);
    }
}
