namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>
/// The state of one rule on one series (and field) over time: applies the rule's <c>for</c> duration and its
/// hysteresis. Not thread-safe; a grain owns it.
/// <list type="bullet">
/// <item>Inactive, breached: pending (firing at once when <c>for</c> is zero).</item>
/// <item>Pending, still breached once <c>for</c> has elapsed since it began (on a result or a <see cref="Tick"/>): firing.</item>
/// <item>Pending, not breached or no data: inactive. So a one-point spike never fires a rule with a <c>for</c>.</item>
/// <item>Firing: stays firing until a value is cleared (at or past the clear point). No data does not resolve
/// it: absence of data is not evidence the problem is gone (deadman rules report silence).</item>
/// </list>
/// </summary>
public sealed class ConditionTracker
{
    /// <summary>A tracker with nothing observed yet.</summary>
    /// <param name="for">How long the condition must hold before firing; zero fires at once.</param>
    public ConditionTracker(TimeSpan @for)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(@for, TimeSpan.Zero);
        For = @for;
    }

    /// <summary>A tracker resuming a state kept elsewhere (e.g. after a grain reactivated).</summary>
    /// <param name="for">How long the condition must hold before firing.</param>
    /// <param name="state">State to resume.</param>
    /// <param name="since">When that state began; required unless inactive.</param>
    public ConditionTracker(TimeSpan @for, ConditionState state, DateTimeOffset? since)
        : this(@for)
    {
        if (state != ConditionState.Inactive && since is null)
        {
            throw new ArgumentException("A pending or firing state needs the time it began.", nameof(since));
        }

        State = state;
        Since = state == ConditionState.Inactive ? null : since;
    }

    /// <summary>The rule's <c>for</c> duration.</summary>
    public TimeSpan For { get; }

    /// <summary>Current state.</summary>
    public ConditionState State { get; private set; }

    /// <summary>When the current pending or firing state began; null when inactive.</summary>
    public DateTimeOffset? Since { get; private set; }

    /// <summary>The latest result observed.</summary>
    public ConditionResult Last { get; private set; }

    /// <summary>When a pending condition fires if it keeps holding: the time to schedule a <see cref="Tick"/> for.</summary>
    public DateTimeOffset? FiresAt => State == ConditionState.Pending ? Since + For : null;

    /// <summary>
    /// Feeds one evaluation. <paramref name="at"/> is when it was made (the evaluating grain's clock, not the
    /// point's timestamp, so a backfilled point cannot skip the <c>for</c> wait).
    /// </summary>
    public ConditionTransition Observe(ConditionResult result, DateTimeOffset at)
    {
        Last = result;
        switch (State)
        {
            case ConditionState.Inactive when result.HasData && result.Breached:
                if (For == TimeSpan.Zero)
                {
                    return Become(ConditionState.Firing, at);
                }

                Become(ConditionState.Pending, at);
                return ConditionTransition.Pending;

            case ConditionState.Pending when result.HasData && result.Breached:
                return Tick(at);

            case ConditionState.Pending:
                Become(ConditionState.Inactive, at);
                return ConditionTransition.Inactive;

            case ConditionState.Firing when result.HasData && result.Cleared:
                Become(ConditionState.Inactive, at);
                return ConditionTransition.Resolved;

            default:
                return ConditionTransition.None;
        }
    }

    /// <summary>
    /// Advances time with no new result: a pending condition whose last result still holds fires once
    /// <c>for</c> has elapsed. Call it from a timer at <see cref="FiresAt"/>.
    /// </summary>
    public ConditionTransition Tick(DateTimeOffset now) =>
        State == ConditionState.Pending && now - Since >= For
            ? Become(ConditionState.Firing, now)
            : ConditionTransition.None;

    private ConditionTransition Become(ConditionState state, DateTimeOffset at)
    {
        State = state;
        Since = state == ConditionState.Inactive ? null : at;
        return state == ConditionState.Firing ? ConditionTransition.Firing : ConditionTransition.None;
    }
}
