namespace OperationsCenter.Grains.Departments;

/// <summary>How recently a department reported, by the configured thresholds.</summary>
public enum Freshness
{
    /// <summary>Reported within the late threshold.</summary>
    Fresh,
    /// <summary>Past the late threshold, not yet the silent one.</summary>
    Late,
    /// <summary>Past the silent threshold, or never reported.</summary>
    Silent,
}
