using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Batch at the edge: merges the points of every request per series until <see cref="SeriesFlushLoop"/> hands
/// them to the grains, so grain calls grow with active series rather than with the point rate.
/// </summary>
internal sealed class SeriesBatcher
{
    private readonly ConcurrentDictionary<string, SeriesIdentity> _identities = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, PendingSeries> _pending = new(StringComparer.Ordinal);

    /// <summary>The identity of a known series, or null the first time a key is seen.</summary>
    public SeriesIdentity? FindIdentity(ReadOnlySpan<char> key) =>
        _identities.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var identity) ? identity : null;

    /// <summary>Remembers a newly built identity (the first one stored wins).</summary>
    public SeriesIdentity AddIdentity(SeriesIdentity identity) => _identities.GetOrAdd(identity.Key, identity);

    /// <summary>
    /// The series' pending batch with its lock held until the lease is disposed; keep the lease short.
    /// </summary>
    public PendingLease Acquire(SeriesIdentity identity)
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

