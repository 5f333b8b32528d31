namespace OperationsCenter.Grains.Alerts;

/// <summary>Why a notification goes out.</summary>
public enum NoticeKind
{
    /// <summary>The alert started firing.</summary>
    Firing,

    /// <summary>Still unacknowledged past the rule's <c>escalate_after</c>.</summary>
    Escalated,

    /// <summary>Still unacknowledged, another <c>repeat_interval</c> later.</summary>
    Repeat,

    /// <summary>The alert resolved.</summary>
    Resolved,
}
