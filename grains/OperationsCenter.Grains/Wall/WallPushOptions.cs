namespace OperationsCenter.Grains.Wall;

/// <summary>Push cadence (<c>OperationsCenter:Push</c>).</summary>
public sealed class WallPushOptions
{
    /// <summary>How often queued changes are sent to the silos' observers.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the list of observers is re-read from the registry.</summary>
    public TimeSpan ObserverRefresh { get; set; } = TimeSpan.FromSeconds(5);
}
