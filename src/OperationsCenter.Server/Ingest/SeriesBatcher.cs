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
    private readonly ConcurrentDictionary<string, SeriesIdentity> _identities = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, PendingSeries> _pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Merges durable canonical line protocol (one department's accepted lines) into the pending batches.
    /// </summary>
    public void MergeCanonical(ReadOnlySpan<byte> canonical, string department, DateTimeOffset receivedAt)
    {
        var lookup = _identities.GetAlternateLookup<ReadOnlySpan<char>>();
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
                if (!lookup.TryGetValue(key, out var identity))
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

            // Sealed: the flusher took this generation after we looked it up; retry on the new one.
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

    /// <summary>Takes everything merged so far; the flusher's side.</summary>
    internal ImmutableArray<PendingSeries> TakeAll()
    {
        var taken = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<string, PendingSeries>(StringComparer.Ordinal));
        var result = ImmutableArray.CreateBuilder<PendingSeries>(taken.Count);
        foreach (var pending in taken.Values)
        {
            lock (pending)
            {
                pending.Sealed = true;
            }

            result.Add(pending);
        }

        return result.ToImmutable();
    }
}

