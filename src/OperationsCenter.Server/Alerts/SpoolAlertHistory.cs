using System.Buffers;
using System.Text;
using OperationsCenter.Grains;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.TimeSeries.LineProtocol;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Alerts;

/// <summary>
/// Alert history goes where every point goes: into the spool (durable at once) and from there to InfluxDB, as
/// measurement <c>alert_history</c> tagged by rule, fingerprint, state, severity, the unit where the alert happened
/// (<c>unit</c>: the series' <c>department</c>) and the department that owns it (<c>owner</c>). Neither is named
/// <c>department</c>: that tag marks what a department sent, and restoring a department reads every series it has.
/// </summary>
internal sealed class SpoolAlertHistory(Spool spool) : IAlertHistory
{
    /// <summary>The measurement transitions are stored under; departments cannot write it.</summary>
    public const string Measurement = Ingest.ReservedMeasurements.AlertHistory;

    /// <inheritdoc />
    public Task RecordAsync(AlertTransition transition)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>
        {
            new("actor", FieldValue.FromString(transition.Actor)),
            new("note", FieldValue.FromString(transition.Note ?? "")),
        };
        if (transition.Value is { } value && double.IsFinite(value))
        {
            fields.Add(new("value", FieldValue.FromFloat(value)));
        }

        var tags = new List<KeyValuePair<string, string>>
        {
            new("owner", transition.Owner),
            new("fingerprint", transition.Fingerprint),
            new("rule", transition.RuleName),
            new("severity", transition.Severity.ToString().ToLowerInvariant()),
            new("state", transition.State.ToString().ToLowerInvariant()),
        };
        if (transition.Labels.TryGetValue("department", out var unit) && unit.Length > 0)
        {
            tags.Add(new("unit", unit));
        }

        var point = new LinePoint(Measurement, tags, fields, UnixNanos.From(transition.At));
        var line = new ArrayBufferWriter<byte>(256);
        LineProtocolWriter.Write(line, point);
        return spool.AppendAsync(line.WrittenMemory, 1);
    }
}
