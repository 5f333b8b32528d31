using System.Buffers;
using System.Text;
using OperationsCenter.Grains;
using OperationsCenter.TimeSeries;
using OperationsCenter.TimeSeries.LineProtocol;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Takes a line protocol body for one department: validates each line, enforces the <c>department</c> tag and known
/// field types, writes the accepted lines to the spool (series key canonical, field set as sent, timestamp in
/// nanoseconds), and once they are durable hands them to live state. Invalid lines are reported and skipped; the others are kept (InfluxDB's partial write).
/// </summary>
internal sealed class LineIngestor(SeriesBatcher batcher, FieldTypeRegistry fieldTypes, Spool spool, LiveStateClock clock)
{
    private static readonly byte[] DepartmentTag = "department"u8.ToArray();

    /// <summary>
    /// Ingests <paramref name="body"/> for <paramref name="department"/>. Throws <see cref="SpoolFullException"/>
    /// when the accepted lines cannot be made durable; then nothing of the body was taken.
    /// </summary>
    public async Task<IngestResult> IngestAsync(ReadOnlyMemory<byte> body, Precision precision, string department)
    {
        using var prepared = Prepare(body.Span, precision, department);
        if (prepared.Points > 0)
        {
            await spool.AppendAsync(prepared.Canonical.WrittenMemory, prepared.Points);
            batcher.MergeCanonical(prepared.Canonical.WrittenSpan, department, prepared.ReceivedAt);
        }

        return new IngestResult(prepared.Points, prepared.Problems);
    }

    private PreparedBody Prepare(ReadOnlySpan<byte> body, Precision precision, string department)
    {
        var receivedAt = clock.UtcNow;
        var receivedNanos = UnixNanos.From(receivedAt);
        var departmentBytes = Encoding.UTF8.GetBytes(department);
        var canonical = new PooledBufferWriter(body.Length + (body.Length / 4) + 64);
        List<LineProblem>? problems = null;
        var accepted = 0;
        var reader = new LineProtocolReader(body, precision, new LineProtocolScratch());
        while (reader.Read())
        {
            if (Refusal(ref reader, departmentBytes, department) is { } problem)
            {
                (problems ??= []).Add(problem);
                continue;
            }

            SeriesKeys.Write(canonical, ref reader, departmentBytes);
            canonical.Write(" "u8);
            canonical.Write(reader.RawFieldSet);
            LineProtocolWriter.WriteTimestamp(canonical, reader.Timestamp ?? receivedNanos);
            accepted++;
        }

        return new PreparedBody(canonical, accepted, problems ?? (IReadOnlyList<LineProblem>)[], receivedAt);
    }

    /// <summary>Why a line is refused, or null when it is accepted.</summary>
    private LineProblem? Refusal(ref LineProtocolReader reader, byte[] departmentBytes, string department)
    {
        if (!reader.IsValid)
        {
            return new LineProblem(reader.LineNumber, reader.Error ?? "invalid line", false);
        }

        if (ForeignDepartment(ref reader, departmentBytes) is { } other)
        {
            return new LineProblem(reader.LineNumber,
                $"tag department=\"{other}\" is not this key's department \"{department}\"; " +
                "omit the department tag (the center sets it) or write with that department's own key", true);
        }

        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (fieldTypes.Conflict(reader.Measurement, reader.FieldKey(i), reader.FieldKindAt(i)) is { } known)
            {
                return new LineProblem(reader.LineNumber,
                    $"partial write: field type conflict: input field \"{Encoding.UTF8.GetString(reader.FieldKey(i))}\" on measurement " +
                    $"\"{Encoding.UTF8.GetString(reader.Measurement)}\" is type {FieldTypeRegistry.InfluxName(reader.FieldKindAt(i))}, " +
                    $"already exists as type {FieldTypeRegistry.InfluxName(known)}", false);
            }
        }

        return null;
    }

    /// <summary>The other department a line names, or null when it names none or this one.</summary>
    private static string? ForeignDepartment(ref LineProtocolReader reader, byte[] department)
    {
        for (var i = 0; i < reader.TagCount; i++)
        {
            if (reader.TagKey(i).SequenceEqual(DepartmentTag))
            {
                var value = reader.TagValue(i);
                return value.SequenceEqual(department) ? null : Encoding.UTF8.GetString(value);
            }
        }

        return null;
    }
}
