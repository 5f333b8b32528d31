using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Wall;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// One alert's lifecycle: pending → firing → acknowledged → resolved. Every transition is stored (grain storage),
/// recorded in history with who and why, pushed to the wall and listed in the index.
/// </summary>
public sealed partial class AlertGrain(
    [PersistentState("alert", AlertStorage.Name)] IPersistentState<AlertRecord> stored,
    IAlertHistory history,
    IAlertNotifier notifier,
    IAlertSilencing silencing,
    AlertRuleSet rules,
    WallPublisher publisher,
    LiveStateClock clock,
    IOptions<AlertReminderOptions> reminders,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain, IRemindable
{
    private const string EscalationReminder = "escalation";
    private const string System = "system";
    private static readonly TimeSpan EscalationCheck = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StoreRetry = TimeSpan.FromSeconds(5);
    private IGrainTimer? _escalation;
    private IGrainTimer? _storeRetry;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A firing alert re-arms its escalation after a restart or a move to another silo.
        ArmEscalation();
        return Task.CompletedTask;
    }

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
        if (transitioned && next.State == AlertState.Firing)
        {
            // Critical alerts reach leaders at once; the others only once escalated.
            next = await NoticeAsync(NoticeKind.Firing, next, toLeaders: next.Severity == AlertSeverity.Critical);
        }
        else if (transitioned && next.State == AlertState.Resolved && current?.State is AlertState.Firing or AlertState.Acknowledged)
        {
            // A resolution goes wherever the firing went.
            next = await NoticeAsync(NoticeKind.Resolved, next, toLeaders: next.LeadersNotifiedAt is not null);
        }

        await SaveAsync(next, transitioned ? System : null, note: null);
        ArmEscalation();
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
        ArmEscalation();
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

        // Given back: escalation starts over from now.
        var next = current with
        {
            State = AlertState.Firing, AcknowledgedBy = null, AcknowledgedAt = null, Note = note, UpdatedAt = clock.UtcNow,
            FiringSince = clock.UtcNow, LeadersNotifiedAt = null,
        };
        await SaveAsync(next, actor, note);
        ArmEscalation();
        return next;
    }

    /// <inheritdoc />
    public Task<AlertView?> GetView() => Task.FromResult(stored.State.View);

    /// <summary>
    /// Unacknowledged past the rule's <c>escalate_after</c>: leaders are told, then again every <c>repeat_interval</c>
    /// until someone acknowledges or the alert resolves.
    /// </summary>
    private async Task EscalateAsync()
    {
        var view = stored.State.View;
        var rule = rules.Current.FirstOrDefault(r => r.Name == view?.RuleName);
        if (view is not { State: AlertState.Firing, FiringSince: { } since } || rule?.EscalateAfter is not { } after)
        {
            ArmEscalation();
            return;
        }

        var now = clock.UtcNow;
        NoticeKind? due = view.LeadersNotifiedAt switch
        {
            null when now - since >= after => NoticeKind.Escalated,
            { } last when rule.RepeatInterval is { } repeat && now - last >= repeat => NoticeKind.Repeat,
            _ => null,
        };
        if (due is { } kind)
        {
            var next = await NoticeAsync(kind, view with { UpdatedAt = now }, toLeaders: true);
            await SaveAsync(next, actor: null, note: null);
        }
    }

    /// <summary>Sends a notice unless a silence mutes it; returns the view marked with what happened.</summary>
    private async Task<AlertView> NoticeAsync(NoticeKind kind, AlertView view, bool toLeaders)
    {
        var now = clock.UtcNow;
        if (silencing.IsSilenced(view, now))
        {
            return view with { Silenced = true };
        }

        var marked = view with { Silenced = false, LeadersNotifiedAt = toLeaders ? now : view.LeadersNotifiedAt };
        var notice = new AlertNotice(kind, marked, toLeaders);
        if (toLeaders)
        {
            publisher.Publish(notice);
        }

        await notifier.NotifyAsync(notice);
        return marked;
    }

    /// <summary>
    /// Writes the state; when storage is unreachable the alert still moves on (wall, index, notices) and the write is
    /// retried until it succeeds, so a storage outage neither hides an alert nor loses its last state for good.
    /// </summary>
    private async Task StoreAsync()
    {
        try
        {
            await stored.WriteStateAsync();
            _storeRetry?.Dispose();
            _storeRetry = null;
        }
        catch (Exception ex)
        {
            LogStoreFailed(this.GetPrimaryKeyString(), ex.Message);
            _storeRetry ??= this.RegisterGrainTimer(StoreAsync, new GrainTimerCreationOptions(StoreRetry, StoreRetry) { KeepAlive = true });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {Fingerprint} could not be stored, will retry: {Error}")]
    private partial void LogStoreFailed(string fingerprint, string error);

    /// <summary>A timer only while the alert fires and its rule escalates.</summary>
    private void ArmEscalation()
    {
        var view = stored.State.View;
        var escalates = view?.State == AlertState.Firing && rules.Current.Any(r => r.Name == view.RuleName && r.EscalateAfter is not null);
        if (escalates && _escalation is null)
        {
            _escalation = this.RegisterGrainTimer(EscalateAsync, new GrainTimerCreationOptions(EscalationCheck, EscalationCheck) { KeepAlive = true });

            // A stored reminder re-activates an unacknowledged alert after a restart, so its escalation goes on.
            this.RegisterOrUpdateReminder(EscalationReminder, reminders.Value.Period, reminders.Value.Period).Ignore();
        }
        else if (!escalates && _escalation is not null)
        {
            _escalation.Dispose();
            _escalation = null;
            DropReminderAsync().Ignore();
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ArmEscalation();
        if (_escalation is null)
        {
            await DropReminderAsync();
        }
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(EscalationReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

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
        await StoreAsync();
        if (actor is not null)
        {
            await history.RecordAsync(new AlertTransition(
                next.Fingerprint, next.RuleName, next.Severity, next.Owner, next.State, actor, note, next.Value, clock.UtcNow, next.Labels));
        }

        publisher.Publish(next);
        GrainFactory.GetGrain<IAlertIndexGrain>(0).Upsert(next).Ignore();
    }
}
