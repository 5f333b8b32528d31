using System.Collections.Immutable;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.LiveState;

/// <summary>
/// What one partition's series received since the last flush. Writers hold its lock while they add; the flusher
/// seals it, after which writers start the next instance.
/// </summary>
internal sealed class PendingPartition(string department, int partition)
{
    private readonly Dictionary<SeriesEntry, PendingSeries> _series = [];
    private readonly List<string> _newSeries = [];

    public string Department => department;

    public int Partition => partition;

    /// <summary>When this batch was started: the flusher serves the longest-waiting first.</summary>
    public long PendingSince { get; } = Environment.TickCount64;

    public long Points { get; private set; }

    public DateTimeOffset LastReceived { get; private set; }

    /// <summary>Set under the lock by the flusher; a sealed instance takes no more points.</summary>
    public bool Sealed { get; set; }

    /// <summary>Keys of series seen for the first time, for the department's list.</summary>
    public IReadOnlyList<string> NewSeries => _newSeries;

    /// <summary>The pending batch of <paramref name="series"/>, counting one point of it received at <paramref name="receivedAt"/>.</summary>
    public PendingSeries Point(SeriesEntry series, DateTimeOffset receivedAt)
    {
        if (!_series.TryGetValue(series, out var pending))
        {
            pending = new PendingSeries(series);
            _series.Add(series, pending);
            if (series.Announce())
            {
                _newSeries.Add(series.Id.Key);
            }
        }

        Points++;
        LastReceived = receivedAt;
        pending.CountPoint();
        return pending;
    }

    /// <summary>The batches for the partition grain (after sealing).</summary>
    public ImmutableArray<SeriesBatch> ToBatches()
    {
        var batches = ImmutableArray.CreateBuilder<SeriesBatch>(_series.Count);
        foreach (var series in _series.Values)
        {
            batches.Add(series.ToBatch());
        }

        return batches.MoveToImmutable();
    }
}
