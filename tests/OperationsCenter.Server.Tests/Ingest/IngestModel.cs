using System.Text;
using OperationsCenter.Server.Ingest;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Tests.Ingest;

/// <summary>
/// What the ingest endpoint should keep of a body, from the parser's own verdict plus the center's rules in the same
/// order as <c>LineIngestor</c> applies them: limits, UTF-8, reserved measurements, the department tag, the time window, and the type
/// each field was first accepted with (kept across requests, as the server keeps it).
/// </summary>
internal sealed class IngestModel(string department, IngestLimitsOptions limits)
{
    private readonly Dictionary<string, FieldKind> _fieldTypes = new(StringComparer.Ordinal);
    private readonly LineLimits _lineLimits = limits.ToLineLimits();

    /// <summary>The points the center should store for <paramref name="body"/>, with the department tag it adds, and how many lines it should refuse.</summary>
    public (List<LinePoint> Kept, int Refused, int Foreign) Expect(byte[] body, Precision precision, long receivedNanos)
    {
        var kept = new List<LinePoint>();
        int refused = 0, foreign = 0;
        var latest = receivedNanos + (limits.MaxFutureTime.Ticks * 100);
        var reader = new LineProtocolReader(body, precision, new LineProtocolScratch(), _lineLimits);
        while (reader.Read())
        {
            if (!reader.IsValid || !System.Text.Unicode.Utf8.IsValid(reader.RawLine))
            {
                refused++;
                continue;
            }

            // The center's own records (audit, alert_history) are not a department's to write.
            if (ReservedMeasurements.IsReserved(reader.Measurement))
            {
                refused++;
                continue;
            }

            var point = reader.ToPoint();
            var named = point.Tags.Where(t => t.Key == "department").Select(t => t.Value).FirstOrDefault();
            if (named is not null && named != department)
            {
                refused++;
                foreign++;
                continue;
            }

            if (point.Timestamp > latest || !TakesFieldTypes(ref reader))
            {
                refused++;
                continue;
            }

            var tags = point.Tags.Where(t => t.Key != "department").Append(new("department", department)).ToList();
            kept.Add(point with { Tags = tags });
        }

        return (kept, refused, foreign);
    }

    /// <summary>
    /// Records each new field's type in line order, duplicates included (a point holds only the last of a duplicated
    /// field, but InfluxDB and the center check each), stopping at the first conflict, as the server does.
    /// </summary>
    private bool TakesFieldTypes(ref LineProtocolReader reader)
    {
        var measurement = Encoding.UTF8.GetString(reader.Measurement);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = measurement + "\0" + Encoding.UTF8.GetString(reader.FieldKey(i));
            var kind = reader.FieldKindAt(i);
            if (_fieldTypes.TryGetValue(name, out var known))
            {
                if (known != kind)
                {
                    return false;
                }
            }
            else
            {
                _fieldTypes[name] = kind;
            }
        }

        return true;
    }
}
