namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// Sends notices outside the wall's own push: webhook receivers (the server implements it with Alertmanager-style
/// webhooks). Leaders' notices also travel the wall push, so every silo's leaders get them.
/// </summary>
public interface IAlertNotifier
{
    /// <summary>Delivers a notice; failures are recorded by the implementation, never thrown away silently.</summary>
    Task NotifyAsync(AlertNotice notice);
}
