namespace OperationsCenter.Grains.Alerts;

/// <summary>How much an alert matters; critical ones reach leaders at once.</summary>
public enum AlertSeverity
{
    /// <summary>For the record.</summary>
    Info,

    /// <summary>Needs attention.</summary>
    Warning,

    /// <summary>Needs a leader now.</summary>
    Critical,
}
