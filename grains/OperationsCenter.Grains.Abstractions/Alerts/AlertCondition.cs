namespace OperationsCenter.Grains.Alerts;

/// <summary>What an evaluator found of a rule's condition: it reports this to the alert when it changes.</summary>
public enum AlertCondition
{
    /// <summary>The value is at or past the clear point: an open alert resolves.</summary>
    Cleared,

    /// <summary>The value is past the threshold: an alert starts (pending, or firing when the rule has no <c>for</c>).</summary>
    Breached,

    /// <summary>
    /// Neither: the value is between the clear point and the threshold, or there is no data to judge. A firing alert
    /// goes on firing (no data is not evidence the problem ended); a pending one ends before it fires.
    /// </summary>
    Unclear,
}
