using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Grains.Wall;

/// <summary>
/// Silo-local collector of wall changes. Grains publish here without a grain call; <see cref="WallPushLoop"/>
/// drains it on a short cadence and sends one batch to every silo's observer. Within one interval only the
/// newest change per series or department is kept, so the push rate does not grow with the point rate.
/// </summary>
public sealed class WallPublisher
{
    private readonly Lock _gate = new();
    private Dictionary<string, SeriesUpdate> _series = new(StringComparer.Ordinal);

    // The series dictionary taken by the last batch, emptied for the next: with thousands of busy series a new one per
    // interval would grow through every size to the large object heap, four times a second.
    private Dictionary<string, SeriesUpdate>? _spareSeries;
    private Dictionary<string, DepartmentStatus> _departments = new(StringComparer.Ordinal);
    private Dictionary<string, AlertView> _alerts = new(StringComparer.Ordinal);
    private List<AlertNotice> _notices = [];

    /// <summary>Queues a series change.</summary>
    public void Publish(SeriesUpdate update)
    {
        lock (_gate)
        {
            _series[update.Key] = update;
        }
    }

    /// <summary>Queues a department change.</summary>
    public void Publish(DepartmentStatus status)
    {
        lock (_gate)
        {
            _departments[status.Id] = status;
        }
    }

    /// <summary>Queues an alert change.</summary>
    public void Publish(AlertView alert)
    {
        lock (_gate)
        {
            _alerts[alert.Fingerprint] = alert;
        }
    }

    /// <summary>Queues a notice for leaders; unlike changes, every notice is delivered.</summary>
    public void Publish(AlertNotice notice)
    {
        lock (_gate)
        {
            _notices.Add(notice);
        }
    }

    /// <summary>Takes everything queued since the last call; null when nothing changed.</summary>
    public WallBatch? TakeBatch()
    {
        Dictionary<string, SeriesUpdate> series;
        Dictionary<string, DepartmentStatus> departments;
        Dictionary<string, AlertView> alerts;
        List<AlertNotice> notices;
        lock (_gate)
        {
            if (_series.Count == 0 && _departments.Count == 0 && _alerts.Count == 0 && _notices.Count == 0)
            {
                return null;
            }

            series = _series;
            departments = _departments;
            alerts = _alerts;
            notices = _notices;
            _notices = [];
            _series = _spareSeries ?? new(StringComparer.Ordinal);
            _spareSeries = null;
            _departments = new(StringComparer.Ordinal);
            _alerts = new(StringComparer.Ordinal);
        }

        var batch = new WallBatch([.. series.Values], [.. departments.Values], [.. alerts.Values], [.. notices]);
        series.Clear();
        lock (_gate)
        {
            _spareSeries = series;
        }

        return batch;
    }
}
