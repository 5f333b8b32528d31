namespace OperationsCenter.Grains.Alerts.Evaluation;

/// <summary>What changed on one observation or tick of a <see cref="ConditionTracker"/>.</summary>
public enum ConditionTransition
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>Inactive → pending: the condition started to hold.</summary>
    Pending,

    /// <summary>Inactive or pending → firing.</summary>
    Firing,

    /// <summary>Firing → inactive: the value passed the clear point.</summary>
    Resolved,

    /// <summary>Pending → inactive: the condition stopped holding (or data went missing) before it fired.</summary>
    Inactive,
}
