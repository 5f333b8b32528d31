using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains;

/// <summary>
/// The grains' instruments (meter <c>OperationsCenter.Grains</c>), one per silo: <c>oc.series.live</c>
/// [oc_series_live], the series the departments active on this silo know (the overview's count, read from what
/// each department grain last reported, never by calling grains), and <c>oc.alerts.transitions</c>
/// [oc_alerts_transitions_total] by the state an alert entered. Sum over silos for the cluster.
/// </summary>
public sealed class GrainMetrics
{
    /// <summary>The meter's name, for the OpenTelemetry SDK.</summary>
    public const string MeterName = "OperationsCenter.Grains";

    private readonly ConcurrentDictionary<string, int> _seriesByDepartment = new(StringComparer.Ordinal);
    private readonly Counter<long> _transitions;

    /// <summary>Creates the meter and its instruments.</summary>
    public GrainMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("oc.series.live", () => _seriesByDepartment.Values.Sum(), "{series}",
            "Distinct series known to live state, over the departments active on this silo");
        _transitions = meter.CreateCounter<long>("oc.alerts.transitions", "{transition}",
            "Alert state changes, by the state entered (pending, firing, acknowledged, resolved)");
    }

    /// <summary>What a department grain reports: how many series it knows.</summary>
    public void DepartmentSeries(string department, int series) => _seriesByDepartment[department] = series;

    /// <summary>A department grain left this silo; its silo of next activation counts it.</summary>
    public void DepartmentGone(string department) => _seriesByDepartment.TryRemove(department, out _);

    /// <summary>Counts an alert entering <paramref name="state"/>.</summary>
    public void Transition(AlertState state) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("state", StateTag(state)));

    private static string StateTag(AlertState state) => state switch
    {
        AlertState.Pending => "pending",
        AlertState.Firing => "firing",
        AlertState.Acknowledged => "acknowledged",
        AlertState.Resolved => "resolved",
        _ => state.ToString().ToLowerInvariant(),
    };
}
