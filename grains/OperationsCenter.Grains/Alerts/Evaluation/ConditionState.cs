namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>Where a rule stands on one series.</summary>
public enum ConditionState
{
    /// <summary>Not breached (or resolved).</summary>
    Inactive,

    /// <summary>Breached, but not yet for the rule's <c>for</c> duration.</summary>
    Pending,

    /// <summary>Breached long enough; stays so until the value passes the clear point.</summary>
    Firing,
}
