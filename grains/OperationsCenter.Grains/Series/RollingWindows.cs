using System.Collections.Immutable;

namespace OperationsCenter.Grains.Series;

/// <summary>
/// Rolling 1m/5m/15m/1h aggregates of one field, kept as a sparse ring of fixed-width buckets.
/// Sparse so that a series reporting once a minute costs a few buckets, not the full hour's worth.
/// </summary>
public sealed class RollingWindows
{
    /// <summary>The windows reported, shortest first.</summary>
    public static readonly ImmutableArray<(string Name, TimeSpan Length)> Windows =
    [
        ("1m", TimeSpan.FromMinutes(1)),
        ("5m", TimeSpan.FromMinutes(5)),
        ("15m", TimeSpan.FromMinutes(15)),
        ("1h", TimeSpan.FromHours(1)),
    ];

    private static readonly long BucketNanos = WindowBuckets.WidthNanos;
    private static readonly long HorizonNanos = Windows[^1].Length.Ticks * 100;

    // Ordered by bucket start; at most one hour's worth of buckets. Room for one at first: most series of a large
    // province report a few times an hour, and a partition holds thousands of fields.
    private readonly List<Bucket> _buckets = new(1);

    /// <summary>Merges a sample; samples older than the horizon relative to <paramref name="nowNanos"/> are ignored.</summary>
    public void Add(FieldSample sample, long nowNanos)
    {
        if (sample.BucketStart + BucketNanos <= nowNanos - HorizonNanos)
        {
            return;
        }

        var index = FindIndex(sample.BucketStart);
        if (index >= 0)
        {
            _buckets[index] = _buckets[index].Merge(sample);
        }
        else
        {
            _buckets.Insert(~index, Bucket.From(sample));
        }

        Trim(nowNanos);
    }

    /// <summary>Aggregates of each window ending at <paramref name="nowNanos"/>.</summary>
    public ImmutableArray<WindowStats> Snapshot(long nowNanos)
    {
        Trim(nowNanos);
        var result = ImmutableArray.CreateBuilder<WindowStats>(Windows.Length);
        foreach (var (name, length) in Windows)
        {
            result.Add(Aggregate(nowNanos, length) with { Window = name });
        }

        return result.MoveToImmutable();
    }

    /// <summary>Aggregates over the last <paramref name="length"/> ending at <paramref name="nowNanos"/> (bucket precision).</summary>
    public WindowStats Aggregate(long nowNanos, TimeSpan length)
    {
        var from = WindowBuckets.Of(nowNanos - length.Ticks * 100);
        var acc = new Bucket(0, 0, 0, double.PositiveInfinity, double.NegativeInfinity, 0, long.MinValue);
        foreach (var bucket in _buckets)
        {
            if (bucket.Start >= from && bucket.Start <= nowNanos)
            {
                acc = acc.Merge(bucket);
            }
        }

        return acc.Count == 0
            ? new WindowStats("", 0, 0, null, null, null, null)
            : new WindowStats("", acc.Count, acc.Sum, acc.Min, acc.Max, acc.Last, acc.Sum / acc.Count);
    }

    /// <summary>The newest value of the oldest bucket at or after <paramref name="sinceNanos"/>, for rates of change.</summary>
    public bool TryEarliest(long sinceNanos, out double value, out long time)
    {
        var from = WindowBuckets.Of(sinceNanos);
        foreach (var bucket in _buckets)
        {
            if (bucket.Start >= from)
            {
                value = bucket.Last;
                time = bucket.LastTime;
                return true;
            }
        }

        value = 0;
        time = 0;
        return false;
    }

    private void Trim(long nowNanos)
    {
        var horizon = WindowBuckets.Of(nowNanos - HorizonNanos);
        var stale = 0;
        while (stale < _buckets.Count && _buckets[stale].Start < horizon)
        {
            stale++;
        }

        if (stale > 0)
        {
            _buckets.RemoveRange(0, stale);
        }
    }

    private int FindIndex(long start)
    {
        // Newest buckets are the common case: search from the end.
        for (var i = _buckets.Count - 1; i >= 0; i--)
        {
            if (_buckets[i].Start == start)
            {
                return i;
            }

            if (_buckets[i].Start < start)
            {
                return ~(i + 1);
            }
        }

        return ~0;
    }

    private readonly record struct Bucket(long Start, long Count, double Sum, double Min, double Max, double Last, long LastTime)
    {
        public static Bucket From(FieldSample s) => new(s.BucketStart, s.Count, s.Sum, s.Min, s.Max, s.Last, s.LastTime);

        public Bucket Merge(FieldSample s) => Merge(From(s));

        public Bucket Merge(Bucket other) => new(
            Start,
            Count + other.Count,
            Sum + other.Sum,
            Math.Min(Min, other.Min),
            Math.Max(Max, other.Max),
            other.LastTime >= LastTime ? other.Last : Last,
            Math.Max(LastTime, other.LastTime));
    }
}
