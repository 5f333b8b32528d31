namespace OperationsCenter.Server.Hubs;

/// <summary>Names of the messages the hub sends, shared by the server and its tests.</summary>
public static class WallMessages
{
    /// <summary>The whole state, once per connection.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>A batch of <see cref="Grains.Series.SeriesUpdate"/>.</summary>
    public const string SeriesUpdated = "seriesUpdated";

    /// <summary>A batch of <see cref="Grains.Departments.DepartmentStatus"/>.</summary>
    public const string DepartmentsUpdated = "departmentsUpdated";

    /// <summary>A batch of <see cref="Grains.Alerts.AlertView"/>.</summary>
    public const string AlertsUpdated = "alertsUpdated";

    /// <summary>An <see cref="Grains.Alerts.AlertNotice"/> for leaders: firing (critical), escalated, repeat, resolved.</summary>
    public const string LeaderNotice = "leaderNotice";

    /// <summary>The hub group of leaders' connections.</summary>
    public const string LeadersGroup = "leaders";
}
