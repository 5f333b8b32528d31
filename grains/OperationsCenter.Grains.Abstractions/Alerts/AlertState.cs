namespace OperationsCenter.Grains.Alerts;

/// <summary>Where an alert is in its lifecycle.</summary>
public enum AlertState
{
    /// <summary>The condition holds but not yet for the rule's <c>for</c> duration.</summary>
    Pending,

    /// <summary>The condition has held long enough: operators see it, leaders may be notified.</summary>
    Firing,

    /// <summary>Firing, and an operator has taken it (escalation stops).</summary>
    Acknowledged,

    /// <summary>The condition no longer holds.</summary>
    Resolved,
}
