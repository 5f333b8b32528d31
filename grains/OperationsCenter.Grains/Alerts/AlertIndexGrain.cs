using System.Collections.Immutable;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// The list of current alerts. It keeps no storage: after a restart it is refilled as alerts change, and alerts
/// read by fingerprint come from their own (stored) grains.
/// </summary>
public sealed class AlertIndexGrain(LiveStateClock clock) : Grain, IAlertIndexGrain
{
    private static readonly TimeSpan KeepResolved = TimeSpan.FromHours(1);
    private readonly Dictionary<string, AlertView> _alerts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Upsert(AlertView view)
    {
        if (!_alerts.TryGetValue(view.Fingerprint, out var known) || known.UpdatedAt <= view.UpdatedAt)
        {
            _alerts[view.Fingerprint] = view;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ImmutableArray<AlertView>> List()
    {
        var horizon = clock.UtcNow - KeepResolved;
        foreach (var stale in _alerts.Values.Where(a => a.State == AlertState.Resolved && a.EndsAt < horizon).ToList())
        {
            _alerts.Remove(stale.Fingerprint);
        }

        return Task.FromResult(_alerts.Values
            .OrderBy(a => a.State == AlertState.Resolved)
            .ThenByDescending(a => a.Severity)
            .ThenByDescending(a => a.FiringSince ?? a.StartsAt)
            .ToImmutableArray());
    }
}
