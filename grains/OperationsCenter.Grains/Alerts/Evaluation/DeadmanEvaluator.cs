namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>Whether a series or department has gone silent.</summary>
public static class DeadmanEvaluator
{
    /// <summary>
    /// Whether nothing has arrived for at least <paramref name="silence"/> since <paramref name="lastSeen"/>.
    /// For something never seen, pass the time watching began (activation, or the rule's load).
    /// </summary>
    public static bool IsSilent(DateTimeOffset lastSeen, TimeSpan silence, DateTimeOffset now) =>
        now - lastSeen >= silence;

    /// <summary>The instant it turns silent if nothing else arrives: when to set the timer.</summary>
    public static DateTimeOffset SilentAt(DateTimeOffset lastSeen, TimeSpan silence) =>
        lastSeen > DateTimeOffset.MaxValue - silence ? DateTimeOffset.MaxValue : lastSeen + silence;
}
