namespace OperationsCenter.Server.Hubs;

/// <summary>Names of the messages the hub sends, shared by the server and its tests.</summary>
public static class WallMessages
{
    /// <summary>A <see cref="WallSnapshot"/>: what the page shows, from the node's read model, once per connection.</summary>
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

    /// <summary>
    /// The hub group of connections that show the wall: every connection except the leader view's, which has no use
    /// for series pushes (every 2 s, with no handler on its page).
    /// </summary>
    public const string WallGroup = "wall";

    /// <summary>The hub URL's query parameter that names the page connecting (<c>/hubs/wall?view=leader</c>).</summary>
    public const string ViewParameter = "view";

    /// <summary>The <see cref="ViewParameter"/> of the leader view: such a connection is left out of <see cref="WallGroup"/>.</summary>
    public const string LeaderView = "leader";
}
