using OperationsCenter.Grains.Alerts;
using OperationsCenter.Grains.Departments;
using OperationsCenter.Grains.Series;

namespace OperationsCenter.Server.Departments;

/// <summary>What a department's page shows: its feed as the center received it.</summary>
/// <param name="Id">The department's id.</param>
/// <param name="Name">Its name as people know it.</param>
/// <param name="Status">Last seen, points, series and freshness from live state.</param>
/// <param name="LastReceived">The last request that stored points (since the center started); null before.</param>
/// <param name="Series">The series it sends, with each field's last value and time.</param>
/// <param name="Refused">Lines refused in the last 7 days, newest first.</param>
/// <param name="Alerts">Open alerts on its units.</param>
/// <param name="Groups">The catalog's metric groups, one report template each.</param>
public sealed record DepartmentPage(
    string Id, string Name, DepartmentStatus Status, LastReceipt? LastReceived, IReadOnlyList<SeriesSnapshot> Series,
    IReadOnlyList<RefusedLine> Refused, IReadOnlyList<AlertView> Alerts, IReadOnlyList<MetricGroup> Groups);
