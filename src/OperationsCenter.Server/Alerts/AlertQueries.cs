using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Server.Alerts;

/// <summary>Reads and acknowledges alerts for the API and the hub.</summary>
internal sealed class AlertQueries(IGrainFactory grains, IAlertSilencing silencing)
{
    /// <summary>
    /// Current alerts, optionally filtered, most severe and newest first. <paramref name="department"/> is the unit where
    /// an alert happened (its series' or department's <c>department</c>), <paramref name="owner"/> the department that owns it.
    /// </summary>
    public async Task<ImmutableArray<AlertView>> ListAsync(
        AlertState? state = null, string? department = null, string? owner = null, AlertSeverity? severity = null)
    {
        var all = await grains.GetGrain<IAlertIndexGrain>(0).List();
        var now = DateTimeOffset.UtcNow;

        // Silenced is decided now, so a silence made after an alert fired shows on it at once.
        return [.. all.Select(a => a with { Silenced = a.State != AlertState.Resolved && silencing.IsSilenced(a, now) }).Where(a =>
            (state is null || a.State == state) &&
            (department is not { Length: > 0 } || a.Labels.GetValueOrDefault("department") == department) &&
            (owner is not { Length: > 0 } || a.Owner == owner) &&
            (severity is null || a.Severity == severity))];
    }

    /// <summary>Acknowledges (or, with <paramref name="take"/> false, gives back) an alert.</summary>
    public Task<AlertView?> AcknowledgeAsync(string fingerprint, AlertActor author, string? note, bool take = true)
    {
        var alert = grains.GetGrain<IAlertGrain>(fingerprint);
        return take ? alert.Acknowledge(author, note) : alert.Unacknowledge(author, note);
    }
}
