namespace OperationsCenter.Grains.Alerts;

/// <summary>Whether an active silence mutes an alert's notifications (it stays visible on the wall, marked).</summary>
public interface IAlertSilencing
{
    /// <summary>True when a silence active at <paramref name="at"/> matches the alert's labels.</summary>
    bool IsSilenced(AlertView alert, DateTimeOffset at);
}
