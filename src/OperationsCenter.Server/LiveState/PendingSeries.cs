using System.Collections.Immutable;
using System.Runtime.InteropServices;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.LiveState;

/// <summary>What one series received since the last flush, merged per field and window bucket (under its partition's lock).</summary>
internal sealed class PendingSeries(SeriesEntry series)
{
    // Values, not objects: every busy series makes a new batch every flush interval, and each object of it would live
    // until the flush, long enough for the GC to promote it.
    private readonly List<PendingField> _fields = new(4);

    public long Points { get; private set; }

    /// <summary>Counts one point.</summary>
    public void CountPoint() => Points++;

    /// <summary>Merges one numeric field value; <paramref name="field"/> is the edge's one string for that name.</summary>
    public void Add(string field, double value, long timestamp)
    {
        var bucket = WindowBuckets.Of(timestamp);
        foreach (ref var pending in CollectionsMarshal.AsSpan(_fields))
        {
            if (ReferenceEquals(pending.Name, field) && pending.Bucket == bucket)
            {
                pending.Add(value, timestamp);
                return;
            }
        }

        var created = new PendingField(field, bucket);
        created.Add(value, timestamp);
        _fields.Add(created);
    }

    /// <summary>The batch for the series' partition (after sealing).</summary>
    public SeriesBatch ToBatch()
    {
        var samples = ImmutableArray.CreateBuilder<FieldSample>(_fields.Count);
        foreach (var field in _fields)
        {
            samples.Add(field.ToSample());
        }

        return new(series.Id, Points, samples.MoveToImmutable());
    }

    private struct PendingField(string name, long bucket)
    {
        private long _count;
        private double _sum;
        private double _min = double.PositiveInfinity;
        private double _max = double.NegativeInfinity;
        private double _last;
        private long _lastTime = long.MinValue;

        public readonly string Name => name;

        public readonly long Bucket => bucket;

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

        public readonly FieldSample ToSample() => new(name, bucket, _count, _sum, _min, _max, _last, _lastTime);
    }
}
