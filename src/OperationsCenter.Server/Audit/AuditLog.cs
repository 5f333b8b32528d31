using System.Buffers;
using OperationsCenter.Grains;
using OperationsCenter.TimeSeries.LineProtocol;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Audit;

/// <summary>
/// Who changed what (rules, silences), kept like every point: into the spool at once and from there to InfluxDB, as
/// measurement <c>audit</c> tagged by action. Acknowledgements have their own record, <c>alert_history</c>.
/// </summary>
public sealed class AuditLog(Spool spool, TimeProvider time)
{
    /// <summary>The measurement audit records are stored under; departments cannot write it.</summary>
    public const string Measurement = Ingest.ReservedMeasurements.Audit;

    /// <summary>Records an action durably before the caller answers.</summary>
    public Task RecordAsync(string action, string actor, string target, string? detail = null)
    {
        var point = new LinePoint(
            Measurement,
            [new("action", action)],
            [new("actor", FieldValue.FromString(actor)), new("target", FieldValue.FromString(target)), new("detail", FieldValue.FromString(detail ?? ""))],
            UnixNanos.From(time.GetUtcNow()));
        var line = new ArrayBufferWriter<byte>(256);
        LineProtocolWriter.Write(line, point);
        return spool.AppendAsync(line.WrittenMemory, 1);
    }
}
