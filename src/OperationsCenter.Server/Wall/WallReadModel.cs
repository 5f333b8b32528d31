using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Series;
using OperationsCenter.Grains.Wall;
using OperationsCenter.Server.Hubs;

namespace OperationsCenter.Server.Wall;

/// <summary>
/// This silo's copy of what the wall shows: every department's latest status, the latest values of the series the wall
/// shows (<see cref="WallSeriesSelection"/>) and the open alerts. It is fed by every <see cref="WallBatch"/> of every
/// silo (<see cref="Push.WallHubObserver"/>) and loaded once from the grains at start (<see cref="WallReadModelSeeding"/>),
/// so a connecting browser's snapshot is read from memory: a wall of screens reconnecting after a network blip costs no
/// grain call. It is a cache of the grains' facts and is never written back.
/// </summary>
/// <remarks>
/// Pushes and reads from the grains may arrive in any order (a push can be on its way while the seed reads, and one
/// silo's batch can overtake another's), so every entry is replaced only by a newer one: a series by its
/// <see cref="SeriesUpdate.LastTime"/>, an alert by its <see cref="AlertView.Revision"/> then
/// <see cref="AlertView.UpdatedAt"/>, a department by its <see cref="DepartmentStatus.LastSeen"/> then its
/// <see cref="DepartmentStatus.Freshness"/> (which only ages between points). On a tie a push wins and a read does not:
/// the push is the owner's latest word, the read may have been taken before it.
/// </remarks>
internal sealed class WallReadModel(WallSeriesSelection selection, IAlertSilencing silencing, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DepartmentStatus> _departments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeriesUpdate> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertView> _open = new(StringComparer.Ordinal);

    // The last view of each alert that resolved, so an older open view of it (a seed read before it resolved, a batch
    // that overtook another) cannot bring it back. Dropped an hour after it resolved: nothing that old is on its way.
    private readonly Dictionary<string, AlertView> _resolved = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long a resolved alert's last view is kept to refuse older views of it.</summary>
    public static readonly TimeSpan KeepResolved = TimeSpan.FromHours(1);

    /// <summary>True once the model was loaded from the grains.</summary>
    public bool IsSeeded => _seeded.Task.IsCompleted;

    /// <summary>
    /// Takes a batch pushed by a silo, and returns the series of it that wall pages show: the same selection the model
    /// keeps, so what a page is pushed and what a later snapshot gives it agree.
    /// </summary>
    public ImmutableArray<SeriesUpdate> Apply(WallBatch batch)
    {
        var shown = batch.Series.Where(selection.Shows).ToImmutableArray();
        lock (_gate)
        {
            Merge(batch.Departments, shown, batch.Alerts, pushed: true);
        }

        return shown;
    }

    /// <summary>
    /// Takes what was read from the grains (all of it at start, departments and alerts again now and then): entries the
    /// model holds newer, from pushes that arrived meanwhile, are kept. The first call makes the model seeded.
    /// </summary>
    /// <remarks>
    /// <paramref name="alerts"/> is the alert index's whole list, read at <paramref name="listedAt"/>: an open alert the
    /// model holds that is not on it, and has not changed since, resolved without its push reaching this silo.
    /// </remarks>
    public void Load(IEnumerable<DepartmentStatus> departments, IEnumerable<SeriesUpdate> series, IReadOnlyCollection<AlertView> alerts, DateTimeOffset listedAt)
    {
        lock (_gate)
        {
            Merge(departments, series.Where(selection.Shows), alerts, pushed: false);
            var listed = alerts.Select(a => a.Fingerprint).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _open.Values.Where(a => !listed.Contains(a.Fingerprint) && a.UpdatedAt < listedAt).ToList())
            {
                _open.Remove(gone.Fingerprint);
            }

            var horizon = time.GetUtcNow() - KeepResolved;
            foreach (var stale in _resolved.Values.Where(a => (a.EndsAt ?? a.UpdatedAt) < horizon).ToList())
            {
                _resolved.Remove(stale.Fingerprint);
            }
        }

        _seeded.TrySetResult();
    }

    /// <summary>Completes once the model was loaded from the grains; until then a snapshot would be incomplete.</summary>
    public Task WhenSeeded(CancellationToken cancellationToken) => _seeded.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// The snapshot a connecting page gets, from memory. The leader view shows no series but its headline indicators,
    /// so it gets only the series those are built from.
    /// </summary>
    public WallSnapshot Snapshot(bool leaderView)
    {
        ImmutableArray<DepartmentStatus> departments;
        ImmutableArray<SeriesUpdate> series;
        AlertView[] alerts;
        lock (_gate)
        {
            departments = [.. _departments.Values];
            series = leaderView ? [.. _series.Values.Where(selection.IsHeadline)] : [.. _series.Values];
            alerts = [.. _open.Values];
        }

        // Silenced is decided now, as the alert API does, so a silence made after an alert's last change shows on it.
        var now = time.GetUtcNow();
        return new WallSnapshot(
            departments.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id)),
            series,
            [.. alerts
                .Select(a => a with { Silenced = silencing.IsSilenced(a, now) })
                .OrderByDescending(a => a.Severity)
                .ThenByDescending(a => a.FiringSince ?? a.StartsAt)],
            now);
    }

    private void Merge(IEnumerable<DepartmentStatus> departments, IEnumerable<SeriesUpdate> series, IEnumerable<AlertView> alerts, bool pushed)
    {
        foreach (var status in departments)
        {
            if (!_departments.TryGetValue(status.Id, out var held) || Newer(Order(status), Order(held), pushed))
            {
                _departments[status.Id] = status;
            }
        }

        foreach (var update in series)
        {
            if (!_series.TryGetValue(update.Key, out var held) || Newer(update.LastTime, held.LastTime, pushed))
            {
                _series[update.Key] = update;
            }
        }

        foreach (var alert in alerts)
        {
            var held = _open.GetValueOrDefault(alert.Fingerprint) ?? _resolved.GetValueOrDefault(alert.Fingerprint);
            if (held is not null && !Newer(Order(alert), Order(held), pushed))
            {
                continue;
            }

            // A resolved alert leaves the wall's picture (the page fades the one it saw resolve); only its tombstone stays.
            if (alert.IsOpen)
            {
                _open[alert.Fingerprint] = alert;
                _resolved.Remove(alert.Fingerprint);
            }
            else
            {
                _open.Remove(alert.Fingerprint);
                _resolved[alert.Fingerprint] = alert;
            }
        }
    }

    private static bool Newer<T>(T incoming, T held, bool pushed) where T : IComparable<T> =>
        incoming.CompareTo(held) is var order && (order > 0 || (order == 0 && pushed));

    private static (DateTimeOffset, Freshness) Order(DepartmentStatus status) => (status.LastSeen ?? DateTimeOffset.MinValue, status.Freshness);

    private static (long, DateTimeOffset) Order(AlertView alert) => (alert.Revision, alert.UpdatedAt);
}
