using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Series;
using OperationsCenter.Grains.Wall;
using Orleans.Storage;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// One alert's whole truth: the condition its evaluator last reported, the <c>for</c> wait, the lifecycle
/// (pending → firing → acknowledged → resolved), acknowledgement and notices. All of it is in one stored record, so
/// any activation (a restart, a silo lost, a rule reload) continues from what was stored. Every transition is
/// recorded in history with who and why, pushed to the wall and listed in the index.
/// </summary>
public sealed partial class AlertGrain(
    [PersistentState(AlertGrain.StateName, AlertStorage.Name)] IPersistentState<AlertRecord> stored,
    IAlertHistory history,
    IAlertNotifier notifier,
    IAlertSilencing silencing,
    AlertRuleSet rules,
    WallPublisher publisher,
    LiveStateClock clock,
    AlertStoreStatus storeStatus,
    IOptions<AlertReminderOptions> reminders,
    IOptions<SeriesPartitions> partitions,
    GrainMetrics metrics,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain, IRemindable
{
    /// <summary>The state's name in alert storage.</summary>
    public const string StateName = "alert";

    // The reminder's name predates pending alerts using it too; kept so stored reminders still wake their alerts.
    private const string WatchReminder = "escalation";
    private const string System = "system";
    private const string RuleRemoved = "rule removed";
    private const string RuleNoLongerApplies = "rule no longer applies";
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StoreRetry = TimeSpan.FromSeconds(1);
    private IGrainTimer? _watch;
    private IGrainTimer? _storeRetry;
    private int _storeFailures;

    private AlertRecord Record => stored.State;

    private string Fingerprint => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Arm();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Last chance for a change storage has not taken yet (a shutdown during a storage fault).
        if (_storeRetry is not null)
        {
            await TryStoreAsync();
        }
    }

    /// <inheritdoc />
    public async Task Signal(AlertSignal signal)
    {
        var record = Record;
        var view = record.View;
        var next = (signal.Condition, view) switch
        {
            // A new episode: nothing yet, or the last one resolved.
            (AlertCondition.Breached, not { IsOpen: true }) => Start(signal),
            (AlertCondition.Breached, _) => Refresh(view, signal),
            (AlertCondition.Cleared, { IsOpen: true }) => Resolve(Refresh(view, signal), signal.At, null),

            // Neither breached nor cleared: a pending alert (acknowledged or not) ends before it fires; a firing one goes on.
            (AlertCondition.Unclear, { State: AlertState.Pending } or { State: AlertState.Acknowledged, FiringSince: null }) =>
                Resolve(Refresh(view, signal), signal.At, null),
            (AlertCondition.Unclear, { IsOpen: true }) => Refresh(view, signal),
            _ => view,
        };

        var updated = record with { Condition = signal.Condition, Source = signal.Source, For = signal.For };
        if (next == view && (next is not { IsOpen: true } || updated == record))
        {
            // Nothing open, or nothing new (a first report after a restart, say): nothing to write.
            if (next is not { IsOpen: true } && _storeRetry is null)
            {
                DeactivateOnIdle();
            }

            return;
        }

        await CommitAsync(updated with { View = FireIfDue(next!, updated) }, System, note: null);
    }

    /// <inheritdoc />
    public async Task<AlertView?> Acknowledge(AlertActor actor, string? note)
    {
        var current = Record.View;
        if (current is not { State: AlertState.Firing or AlertState.Pending })
        {
            return current?.State == AlertState.Acknowledged ? current : null;
        }

        var now = clock.UtcNow;
        var next = current with
        {
            State = AlertState.Acknowledged, AcknowledgedBy = actor.Name, AcknowledgedByName = actor.DisplayName, AcknowledgedAt = now,
            Note = note, UpdatedAt = now,
        };
        await CommitAsync(Record with { View = next }, actor.Name, note, mustStore: true);
        return next;
    }

    /// <inheritdoc />
    public async Task<AlertView?> Unacknowledge(AlertActor actor, string? note)
    {
        var current = Record.View;
        if (current is not { State: AlertState.Acknowledged })
        {
            return null;
        }

        // Given back: an alert that had fired fires again and its escalation starts over from now.
        var now = clock.UtcNow;
        var next = current with
        {
            State = current.FiringSince is null ? AlertState.Pending : AlertState.Firing,
            AcknowledgedBy = null, AcknowledgedByName = null, AcknowledgedAt = null, Note = note, UpdatedAt = now,
            FiringSince = current.FiringSince is null ? null : now, LeadersNotifiedAt = null,
        };
        await CommitAsync(Record with { View = next }, actor.Name, note, mustStore: true);
        return next;
    }

    /// <inheritdoc />
    public async Task Reconcile(string actor)
    {
        var record = Record;
        if (record.View is not { IsOpen: true } view)
        {
            return;
        }

        var rule = rules.Current.FirstOrDefault(r => r.Name == view.RuleName);
        var gone = rule is null ? RuleRemoved
            : record.Source is { } source && !RuleApplies(rule, source, view) ? RuleNoLongerApplies
            : null;
        if (gone is not null)
        {
            await CommitAsync(record with { View = Resolve(view, clock.UtcNow, gone) }, actor, gone);
            return;
        }

        // The rule as it is now: its severity, owner, threshold and for; then its source judges the current value by it.
        var updated = record with
        {
            For = rule!.For,
            View = view with { Severity = rule.Severity, Owner = rule.Owner, Measure = AlertMeasure.Of(rule) },
        };
        updated = updated with { View = FireIfDue(updated.View!, updated) };
        if (updated != record)
        {
            await CommitAsync(updated, System, note: null);
        }

        // Its escalation may have changed too (escalate_after, repeat_interval).
        Arm();
        AskSourceToEvaluate();
    }

    /// <inheritdoc />
    public async Task Forget(DateTimeOffset before)
    {
        if (Record.View is { State: AlertState.Resolved, EndsAt: { } ended } && ended < before)
        {
            await stored.ClearStateAsync();
            DeactivateOnIdle();
        }
    }

    /// <inheritdoc />
    public Task<AlertView?> GetView() => Task.FromResult(Record.View);

    /// <summary>Pending past the rule's <c>for</c> with the breach still reported: it fires.</summary>
    private AlertView FireIfDue(AlertView view, AlertRecord record)
    {
        var now = clock.UtcNow;
        var due = record.Condition == AlertCondition.Breached && view.FiringSince is null && now - view.StartsAt >= record.For;
        return (due, view.State) switch
        {
            (true, AlertState.Pending) => view with { State = AlertState.Firing, FiringSince = now, UpdatedAt = now },

            // Taken while pending: it stays acknowledged, but it has fired now.
            (true, AlertState.Acknowledged) => view with { FiringSince = now, UpdatedAt = now },
            _ => view,
        };
    }

    /// <summary>
    /// While pending, waits out the rule's <c>for</c>. While firing unacknowledged, past the rule's
    /// <c>escalate_after</c> leaders are told, then again every <c>repeat_interval</c>, until someone acknowledges or it resolves.
    /// </summary>
    private async Task WatchAsync()
    {
        var record = Record;
        if (record.View is { State: AlertState.Pending } or { State: AlertState.Acknowledged, FiringSince: null })
        {
            var pending = record.View!;
            var fired = FireIfDue(pending, record);
            if (fired != pending)
            {
                await CommitAsync(record with { View = fired }, System, note: null);
            }

            return;
        }

        var rule = rules.Current.FirstOrDefault(r => r.Name == record.View?.RuleName);
        if (record.View is not { State: AlertState.Firing, FiringSince: { } since } view || rule?.EscalateAfter is not { } after)
        {
            Arm();
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
            if (next.LeadersNotifiedAt == view.LeadersNotifiedAt && next.Silenced == view.Silenced)
            {
                // Muted by a silence, as it was a second ago: nothing to store.
                return;
            }

            await CommitAsync(record with { View = next }, actor: null, note: null);
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
    /// Makes <paramref name="next"/> the alert's truth: notices for a transition, storage, then (for a transition)
    /// history with <paramref name="actor"/>, the wall and the index. A change storage does not take is kept and
    /// stored later (the wall must not lose a firing alert to a storage fault), unless <paramref name="mustStore"/>:
    /// then nothing changes and the caller is told.
    /// </summary>
    private async Task CommitAsync(AlertRecord next, string? actor, string? note, bool mustStore = false)
    {
        var previous = Record;
        var view = next.View!;
        var transitioned = view.State != previous.View?.State;
        if (transitioned && view.State == AlertState.Firing && previous.View?.State != AlertState.Acknowledged)
        {
            // Critical alerts reach leaders at once; the others only once escalated.
            view = await NoticeAsync(NoticeKind.Firing, view, toLeaders: view.Severity == AlertSeverity.Critical);
        }
        else if (transitioned && view.State == AlertState.Resolved && previous.View?.FiringSince is not null)
        {
            // A resolution goes wherever the firing went.
            view = await NoticeAsync(NoticeKind.Resolved, view, toLeaders: view.LeadersNotifiedAt is not null);
        }

        var revision = previous.Revision + 1;
        view = view with { Revision = revision };
        stored.State = next with { View = view };
        var storedNow = await TryStoreAsync();
        if (storedNow && Record.Revision != revision)
        {
            // Storage held a newer truth, now taken and published instead of this change.
            Arm();
            if (mustStore)
            {
                throw new AlertStoreUnavailableException("the alert was changed elsewhere at the same moment; look at it again and retry");
            }

            return;
        }

        if (!storedNow)
        {
            if (mustStore)
            {
                // Undone, under a newer revision, so a write that reached storage after all is overwritten, not adopted.
                stored.State = previous with { View = previous.View! with { Revision = previous.Revision + 2 } };
                throw new AlertStoreUnavailableException(
                    "alert storage (Redis) did not answer, so the change was not recorded; try again in a moment");
            }
        }

        Publish(view);
        Arm();
        if (transitioned)
        {
            metrics.Transition(view.State);
        }

        if (transitioned || mustStore)
        {
            try
            {
                await history.RecordAsync(new AlertTransition(
                    view.Fingerprint, view.RuleName, view.Severity, view.Owner, view.State, actor ?? System, note, view.Value, clock.UtcNow, view.Labels));
            }
            catch (Exception ex)
            {
                // The change stands (it is stored); only its history row is missing, and the log says so.
                LogHistoryFailed(Fingerprint, view.State.ToString(), actor ?? System, ex.Message);
            }
        }
    }

    /// <summary>
    /// Writes the record. A conflict (a write that timed out but landed, or another activation's) is reconciled: the
    /// stored record is read and the newer of the two kept. A failure leaves a retry running until storage answers.
    /// </summary>
    private async Task<bool> TryStoreAsync()
    {
        try
        {
            try
            {
                await stored.WriteStateAsync();
            }
            catch (InconsistentStateException)
            {
                var mine = stored.State;
                await stored.ReadStateAsync();
                var theirs = stored.State;
                if (theirs.Revision > mine.Revision)
                {
                    // Storage holds a newer truth than this activation: take it.
                    LogAdopted(Fingerprint, theirs.Revision, mine.Revision);
                    Publish(theirs.View);
                }
                else if (theirs.Revision != mine.Revision || theirs != mine)
                {
                    stored.State = mine;
                    await stored.WriteStateAsync();
                }
                else
                {
                    stored.State = mine;
                }
            }

            if (_storeRetry is not null)
            {
                LogStored(Fingerprint, _storeFailures);
                _storeRetry.Dispose();
                _storeRetry = null;
            }

            _storeFailures = 0;
            storeStatus.Stored(Fingerprint);
            return true;
        }
        catch (Exception ex)
        {
            // Logged on the first failure and then once a minute: a long outage must not flood the log.
            if (_storeFailures++ % 60 == 0)
            {
                LogStoreFailed(Fingerprint, _storeFailures, ex.Message);
            }

            storeStatus.Failed(Fingerprint, ex.Message, clock.UtcNow);
            _storeRetry ??= this.RegisterGrainTimer(RetryStoreAsync, new GrainTimerCreationOptions(StoreRetry, StoreRetry) { KeepAlive = true });
            return false;
        }
    }

    private async Task RetryStoreAsync()
    {
        if (stored.State.View is not null)
        {
            await TryStoreAsync();
        }
    }

    /// <summary>The wall and the index see the alert as it is now.</summary>
    private void Publish(AlertView? view)
    {
        if (view is null)
        {
            return;
        }

        publisher.Publish(view);
        GrainFactory.GetGrain<IAlertIndexGrain>(0).Upsert(view).Ignore();
    }

    /// <summary>
    /// A timer while pending (acknowledged or not) or escalating, and a stored reminder that brings the alert back after
    /// a restart.
    /// </summary>
    private void Arm()
    {
        var view = Record.View;
        var watch = view is { State: AlertState.Pending } or { State: AlertState.Acknowledged, FiringSince: null }
            || (view?.State == AlertState.Firing && rules.Current.Any(r => r.Name == view.RuleName && r.EscalateAfter is not null));
        if (watch && _watch is null)
        {
            _watch = this.RegisterGrainTimer(WatchAsync, new GrainTimerCreationOptions(WatchInterval, WatchInterval) { KeepAlive = true });
            this.RegisterOrUpdateReminder(WatchReminder, reminders.Value.Period, reminders.Value.Period).Ignore();
        }
        else if (!watch && _watch is not null)
        {
            _watch.Dispose();
            _watch = null;
            DropReminderAsync().Ignore();
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Woken by its reminder (after a restart, say): its source tells it the condition as it is now, in case what
        // ended it was never seen here.
        if (Record.View is { IsOpen: true })
        {
            AskSourceToEvaluate();
        }

        Arm();
        if (_watch is null)
        {
            await DropReminderAsync();
        }
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(WatchReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>One-way, so a source activating now may signal back without waiting on this alert.</summary>
    private void AskSourceToEvaluate()
    {
        switch (Record.Source)
        {
            case { Scope: RuleScope.Series, Key: var key }:
                var series = new SeriesId(key);
                partitions.Value.Of(GrainFactory, series, series.Parse().Department).Reevaluate(series).Ignore();
                break;
            case { Scope: RuleScope.Department, Key: var department }:
                GrainFactory.GetGrain<IDepartmentGrain>(department).Reevaluate().Ignore();
                break;
        }
    }

    private static bool RuleApplies(AlertRule rule, AlertSource source, AlertView view) =>
        RuleApplicability.Applies(rule, source, view.Labels.GetValueOrDefault("field"));

    private AlertView Start(AlertSignal signal)
    {
        var firing = signal.For <= TimeSpan.Zero;
        return new AlertView(
            Fingerprint, signal.RuleName, signal.Severity, firing ? AlertState.Firing : AlertState.Pending, signal.Owner, signal.Labels,
            signal.TitleVi, signal.TitleEn, signal.DescriptionVi, signal.DescriptionEn, signal.Value,
            signal.At, firing ? signal.At : null, null, null, null, null, clock.UtcNow)
        {
            Measure = signal.Measure,
        };
    }

    /// <summary>
    /// The newest value, texts and measure (a rule edit's threshold shows from its next signal); the same view when
    /// nothing of them changed.
    /// </summary>
    private AlertView Refresh(AlertView current, AlertSignal signal)
    {
        var next = current with
        {
            Value = signal.Value ?? current.Value,
            TitleVi = signal.TitleVi,
            TitleEn = signal.TitleEn,
            DescriptionVi = signal.DescriptionVi,
            DescriptionEn = signal.DescriptionEn,

            // A signal without one (an older sender) keeps what the alert had.
            Measure = signal.Measure ?? current.Measure,
        };
        return next == current ? current : next with { UpdatedAt = clock.UtcNow };
    }

    private AlertView Resolve(AlertView current, DateTimeOffset at, string? resolution) =>
        current with { State = AlertState.Resolved, EndsAt = at, UpdatedAt = clock.UtcNow, Resolution = resolution };

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {Fingerprint} could not be stored (failure {Failures}); it keeps retrying every second: {Error}")]
    private partial void LogStoreFailed(string fingerprint, int failures, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {Fingerprint}: its move to {State} by {Actor} is stored but its history row could not be written: {Error}")]
    private partial void LogHistoryFailed(string fingerprint, string state, string actor, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Fingerprint} is stored again after {Failures} failed writes")]
    private partial void LogStored(string fingerprint, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Fingerprint}: storage holds revision {Stored}, newer than this activation's {Mine}; taking the stored one")]
    private partial void LogAdopted(string fingerprint, long stored, long mine);
}
