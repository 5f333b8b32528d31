using OperationsCenter.Grains.Wall;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// One alert's lifecycle: pending → firing → acknowledged → resolved. Every transition is stored (grain storage),
/// recorded in history with who and why, pushed to the wall and listed in the index.
/// </summary>
public sealed class AlertGrain(
    [PersistentState("alert", AlertStorage.Name)] IPersistentState<AlertRecord> stored,
    IAlertHistory history,
    WallPublisher publisher,
    LiveStateClock clock) : Grain, IAlertGrain
{
    private const string System = "system";

    /// <inheritdoc />
    public async Task Signal(AlertSignal signal)
    {
        var current = stored.State.View;
        var next = (current?.State, signal.State) switch
        {
            // A new episode: nothing yet, or the last one resolved.
            (null or AlertState.Resolved, AlertState.Pending) => Start(signal, AlertState.Pending),
            (null or AlertState.Resolved, AlertState.Firing) => Start(signal, AlertState.Firing) with { FiringSince = signal.At },
            (AlertState.Pending, AlertState.Firing) => Update(current!, signal) with { State = AlertState.Firing, FiringSince = signal.At },
            (AlertState.Pending or AlertState.Firing or AlertState.Acknowledged, AlertState.Resolved) =>
                Update(current!, signal) with { State = AlertState.Resolved, EndsAt = signal.At },

            // Same state again: only the value moves; not a transition.
            (AlertState.Firing or AlertState.Acknowledged or AlertState.Pending, _) => Update(current!, signal),
            _ => null,
        };

        if (next is null)
        {
            return;
        }

        var transitioned = next.State != current?.State;
        await SaveAsync(next, transitioned ? System : null, note: null);
    }

    /// <inheritdoc />
    public async Task<AlertView?> Acknowledge(string actor, string? note)
    {
        var current = stored.State.View;
        if (current is not { State: AlertState.Firing or AlertState.Pending })
        {
            return current?.State == AlertState.Acknowledged ? current : null;
        }

        var next = current with
        {
            State = AlertState.Acknowledged,
            AcknowledgedBy = actor,
            AcknowledgedAt = clock.UtcNow,
            Note = note,
            UpdatedAt = clock.UtcNow,
        };
        await SaveAsync(next, actor, note);
        return next;
    }

    /// <inheritdoc />
    public async Task<AlertView?> Unacknowledge(string actor, string? note)
    {
        var current = stored.State.View;
        if (current is not { State: AlertState.Acknowledged })
        {
            return null;
        }

        var next = current with { State = AlertState.Firing, AcknowledgedBy = null, AcknowledgedAt = null, Note = note, UpdatedAt = clock.UtcNow };
        await SaveAsync(next, actor, note);
        return next;
    }

    /// <inheritdoc />
    public Task<AlertView?> GetView() => Task.FromResult(stored.State.View);

    private AlertView Start(AlertSignal signal, AlertState state) => new(
        this.GetPrimaryKeyString(), signal.RuleName, signal.Severity, state, signal.Owner, signal.Labels,
        signal.TitleVi, signal.TitleEn, signal.DescriptionVi, signal.DescriptionEn, signal.Value,
        signal.At, null, null, null, null, null, clock.UtcNow);

    private AlertView Update(AlertView current, AlertSignal signal) => current with
    {
        Value = signal.Value,
        TitleVi = signal.TitleVi,
        TitleEn = signal.TitleEn,
        DescriptionVi = signal.DescriptionVi,
        DescriptionEn = signal.DescriptionEn,
        UpdatedAt = clock.UtcNow,
    };

    /// <summary>Stores, then (for a transition) records history; pushes to the wall and the index either way.</summary>
    private async Task SaveAsync(AlertView next, string? actor, string? note)
    {
        stored.State.View = next;
        await stored.WriteStateAsync();
        if (actor is not null)
        {
            await history.RecordAsync(new AlertTransition(
                next.Fingerprint, next.RuleName, next.Severity, next.Owner, next.State, actor, note, next.Value, clock.UtcNow, next.Labels));
        }

        publisher.Publish(next);
        GrainFactory.GetGrain<IAlertIndexGrain>(0).Upsert(next).Ignore();
    }
}
