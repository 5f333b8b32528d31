using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Alerts;

/// <summary>Where alert transitions are kept for audit; the server writes them to InfluxDB through the spool.</summary>
public interface IAlertHistory
{
    /// <summary>Records one transition durably.</summary>
    Task RecordAsync(AlertTransition transition);
}
