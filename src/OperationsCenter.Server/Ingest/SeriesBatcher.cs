using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Batch at the edge: merges the points of every request per series until <see cref="SeriesFlushLoop"/> hands
/// them to the grains, so grain calls grow with active series rather than with the point rate.
/// </summary>
internal sealed class SeriesBatcher
{
    private readonly ConcurrentDictionary<string, SeriesIdentity> _identities;
    private readonly ConcurrentDictionary<string, SeriesIdentity>.AlternateLookup<ReadOnlySpan<char>> _identityLookup;
    private readonly ConcurrentDictionary<string, PendingSeries> _pending = new(StringComparer.Ordinal);

    public SeriesBatcher()
    {
        _identities = new(StringComparer.Ordinal);
        _identityLookup = _identities.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Merges durable canonical line protocol (one department's accepted lines) into the pending batches.
    /// </summary>
    public void MergeCanonical(ReadOnlySpan<byte> canonical, string department, DateTimeOffset receivedAt)
    {
        var keyChars = ArrayPool<char>.Shared.Rent(256);
        try
        {
            var reader = new LineProtocolReader(canonical, Precision.Nanoseconds, new LineProtocolScratch());
            while (reader.Read())
            {
                var keyBytes = reader.RawLine[..SeriesKeys.LengthIn(reader.RawLine)];
                if (keyChars.Length < keyBytes.Length)
                {
                    ArrayPool<char>.Shared.Return(keyChars);
                    keyChars = ArrayPool<char>.Shared.Rent(keyBytes.Length);
                }

                var key = keyChars.AsSpan(0, Encoding.UTF8.GetChars(keyBytes, keyChars));
                if (!_identityLookup.TryGetValue(key, out var identity))
                {
                    identity = _identities.GetOrAdd(key.ToString(), static (k, state) => state.Build(k), new IdentityBuilder(reader.ToPoint(), department));
                }

                using var lease = Acquire(identity);
                lease.Series.CountPoint(receivedAt);
                var timestamp = reader.Timestamp!.Value;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.TryGetFieldNumber(i, out var value))
                    {
                        lease.Series.Add(reader.FieldKey(i), value, timestamp);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(keyChars);
        }
    }

    /// <summary>
    /// The series' pending batch with its lock held until the lease is disposed; keep the lease short.
    /// </summary>
    private PendingLease Acquire(SeriesIdentity identity)
    {
        while (true)
        {
            var pending = _pending.GetOrAdd(identity.Key, static (_, id) => new PendingSeries(id), identity);
            Monitor.Enter(pending);

            // Sealed: the flusher took this batch after we looked it up; retry, which starts the next one.
            if (!pending.Sealed)
            {
                return new PendingLease(pending);
            }

            Monitor.Exit(pending);
        }
    }

    private readonly record struct IdentityBuilder(LinePoint Point, string Department)
    {
        public SeriesIdentity Build(string key) => new(
            key, Point.Measurement, Department, Point.Tags.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// Takes at most <paramref name="max"/> pending series, those waiting longest first; the rest keep merging
    /// points until a later flush. This bounds grain calls when very many series are active at once.
    /// </summary>
    internal ImmutableArray<PendingSeries> Take(int max)
    {
        IEnumerable<PendingSeries> candidates = _pending.Values;
        if (_pending.Count > max)
        {
            candidates = candidates.OrderBy(p => p.PendingSince).Take(max);
        }

        var result = ImmutableArray.CreateBuilder<PendingSeries>(Math.Min(max, _pending.Count));
        foreach (var pending in candidates)
        {
            if (!_pending.TryRemove(new KeyValuePair<string, PendingSeries>(pending.Identity.Key, pending)))
            {
                continue;
            }

            // A writer that looked the series up before the removal sees it sealed and starts a new pending batch.
            lock (pending)
            {
                pending.Sealed = true;
            }

            result.Add(pending);
        }

        return result.ToImmutable();
    }
}
