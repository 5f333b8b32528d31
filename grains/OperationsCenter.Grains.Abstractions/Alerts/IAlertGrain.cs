namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// One alert, keyed by its fingerprint (rule + series labels): repeats update it instead of adding alerts. It owns
/// the alert's whole truth, durably: the condition last reported, the lifecycle, acknowledgement and notices.
/// </summary>
public interface IAlertGrain : IGrainWithStringKey
{
    /// <summary>Applies the condition an evaluator found.</summary>
    Task Signal(AlertSignal signal);

    /// <summary>
    /// An operator takes the alert, recorded by sign-in name and display name; returns the new view, or null when there
    /// is no open alert to take.
    /// </summary>
    /// <exception cref="AlertStoreUnavailableException">Storage did not answer; nothing changed.</exception>
    Task<AlertView?> Acknowledge(AlertActor actor, string? note);

    /// <summary>Gives an acknowledged alert back (it fires again, and escalates again).</summary>
    /// <exception cref="AlertStoreUnavailableException">Storage did not answer; nothing changed.</exception>
    Task<AlertView?> Unacknowledge(AlertActor actor, string? note);

    /// <summary>
    /// Its rule changed or went away: an open alert takes the rule as it is now (resolving with "rule removed" when it
    /// is gone or no longer applies) and asks its series or department to evaluate again.
    /// </summary>
    Task Reconcile(string actor);

    /// <summary>Drops a stored alert that resolved before <paramref name="before"/> (it has left every list).</summary>
    Task Forget(DateTimeOffset before);

    /// <summary>The alert now; null when this fingerprint never fired.</summary>
    Task<AlertView?> GetView();
}
