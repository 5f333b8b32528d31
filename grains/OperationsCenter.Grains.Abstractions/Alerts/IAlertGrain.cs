namespace OperationsCenter.Grains.Alerts;

/// <summary>One alert, keyed by its fingerprint (rule + series labels): repeats update it instead of adding alerts.</summary>
public interface IAlertGrain : IGrainWithStringKey
{
    /// <summary>Applies what the rule's evaluation found.</summary>
    Task Signal(AlertSignal signal);

    /// <summary>An operator takes the alert; returns the new view, or null when there is no firing alert to take.</summary>
    Task<AlertView?> Acknowledge(string actor, string? note);

    /// <summary>Gives an acknowledged alert back (it fires again, and escalates again).</summary>
    Task<AlertView?> Unacknowledge(string actor, string? note);

    /// <summary>The alert now; null when this fingerprint never fired.</summary>
    Task<AlertView?> GetView();
}
