namespace OperationsCenter.Grains.Alerts;

/// <summary>What an alert rule watches for.</summary>
public enum RuleKind
{
    /// <summary>The latest value of a field is above or below a threshold.</summary>
    Threshold,

    /// <summary>An aggregate (avg, min, max, sum, count) of a field over a window is above or below a threshold.</summary>
    Window,

    /// <summary>The change of a field over a window, absolute or in percent, is above or below a threshold.</summary>
    Rate,

    /// <summary>The ratio of the latest values of two fields of one series is above or below a threshold.</summary>
    Ratio,

    /// <summary>A series or a whole department has been silent longer than a limit.</summary>
    Deadman,

    /// <summary>A series or a department has not reported in the current month by a day and time.</summary>
    Deadline,
}
