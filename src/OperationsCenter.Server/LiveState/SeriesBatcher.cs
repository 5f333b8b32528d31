using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.LiveState;

/// <summary>
/// Batch at the edge: merges the points of every request per partition and series until <see cref="SeriesFlushLoop"/>
/// hands them to the partition grains, so grain calls grow with partitions, not with series or points.
/// </summary>
internal sealed class SeriesBatcher
{
    private readonly int _partitions;
    private readonly ConcurrentDictionary<byte[], SeriesEntry> _series = new(Utf8Comparer.Instance);
    private readonly ConcurrentDictionary<byte[], SeriesEntry>.AlternateLookup<ReadOnlySpan<byte>> _seriesByKey;
    private readonly ConcurrentDictionary<byte[], FieldName> _fieldNames = new(Utf8Comparer.Instance);
    private readonly ConcurrentDictionary<byte[], FieldName>.AlternateLookup<ReadOnlySpan<byte>> _fieldNameByBytes;

    // Series' field lists by their names joined with line breaks (which no name holds): one array per list, not per series.
    private readonly ConcurrentDictionary<string, FieldName[]> _fieldLists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Department, int Partition), PendingPartition> _pending = new();

    public SeriesBatcher(IOptions<SeriesPartitions> partitions)
    {
        _partitions = Math.Max(1, partitions.Value.PerDepartment);
        _seriesByKey = _series.GetAlternateLookup<ReadOnlySpan<byte>>();
        _fieldNameByBytes = _fieldNames.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>
    /// Merges one department's durable points: <paramref name="points"/> as the request's preparation took them, their
    /// series keys slices of <paramref name="canonical"/>.
    /// </summary>
    public void Merge(ReadOnlySpan<byte> canonical, LivePoints points, string department, DateTimeOffset receivedAt)
    {
        PendingPartition? held = null;
        try
        {
            for (var i = 0; i < points.Count; i++)
            {
                var point = points.PointAt(i);
                var series = Entry(canonical.Slice(point.KeyStart, point.KeyLength), department);

                // Consecutive points of one partition keep its lock.
                if (held is null || held.Partition != series.Partition)
                {
                    if (held is not null)
                    {
                        Monitor.Exit(held);
                    }

                    held = Acquire(department, series.Partition);
                }

                var pending = held.Point(series, receivedAt);
                for (var v = 0; v < point.ValueCount; v++)
                {
                    var field = points.ValueOf(point, v, out var value);
                    pending.Add(series.FieldAt(v, field) ?? InternFieldName(series, v, field), value, point.Timestamp);
                }
            }
        }
        finally
        {
            if (held is not null)
            {
                Monitor.Exit(held);
            }
        }
    }

    /// <summary>
    /// Takes at most <paramref name="max"/> pending partitions, those waiting longest first; the rest keep merging
    /// points until a later flush. This bounds grain calls however many departments are active at once.
    /// </summary>
    public ImmutableArray<PendingPartition> Take(int max)
    {
        IEnumerable<PendingPartition> candidates = _pending.Values;
        if (_pending.Count > max)
        {
            candidates = candidates.OrderBy(p => p.PendingSince).Take(max);
        }

        var result = ImmutableArray.CreateBuilder<PendingPartition>(Math.Min(max, _pending.Count));
        foreach (var pending in candidates)
        {
            if (!_pending.TryRemove(new KeyValuePair<(string, int), PendingPartition>((pending.Department, pending.Partition), pending)))
            {
                continue;
            }

            // A writer that looked the partition up before the removal sees it sealed and starts a new pending batch.
            lock (pending)
            {
                pending.Sealed = true;
            }

            result.Add(pending);
        }

        return result.ToImmutable();
    }

    private SeriesEntry Entry(ReadOnlySpan<byte> key, string department)
    {
        if (_seriesByKey.TryGetValue(key, out var series))
        {
            return series;
        }

        var id = new SeriesId(Encoding.UTF8.GetString(key));
        return _series.GetOrAdd(key.ToArray(), new SeriesEntry(id, department, id.PartitionOf(_partitions)));
    }

    /// <summary>The edge's one string for a field name; the series remembers it at <paramref name="index"/> for its next point.</summary>
    private string InternFieldName(SeriesEntry series, int index, ReadOnlySpan<byte> field)
    {
        if (!_fieldNameByBytes.TryGetValue(field, out var name))
        {
            var utf8 = field.ToArray();
            name = _fieldNames.GetOrAdd(utf8, new FieldName(utf8, Encoding.UTF8.GetString(field)));
        }

        var fields = series.Fields.AsSpan().ToArray();
        if (index >= fields.Length)
        {
            Array.Resize(ref fields, index + 1);
        }

        fields[index] = name;

        // Another writer of the series may have put a shorter list meanwhile: a list with a gap is not kept, the next
        // point's misses fill it.
        if (!fields.Contains(null))
        {
            series.Fields = _fieldLists.GetOrAdd(string.Join('\n', fields.Select(f => f.Name)), fields);
        }

        return name.Name;
    }

    /// <summary>The partition's pending batch with its lock held; the caller exits the lock.</summary>
    private PendingPartition Acquire(string department, int partition)
    {
        while (true)
        {
            var pending = _pending.GetOrAdd((department, partition), static (key, _) => new PendingPartition(key.Department, key.Partition), 0);
            Monitor.Enter(pending);

            // Sealed: the flusher took this batch after we looked it up; retry, which starts the next one.
            if (!pending.Sealed)
            {
                return pending;
            }

            Monitor.Exit(pending);
        }
    }
}
