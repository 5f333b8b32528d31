namespace OperationsCenter.Grains.Alerts;

/// <summary>The grain storage provider alerts live in (Redis in a cluster, memory for a throwaway run).</summary>
public static class AlertStorage
{
    /// <summary>Provider name.</summary>
    public const string Name = "alerts";
}
