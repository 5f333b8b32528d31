using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using OperationsCenter.Grains;
using OperationsCenter.Grains.Series;
using OperationsCenter.Server.LiveState;
using OperationsCenter.Server.Telemetry;
using OperationsCenter.TimeSeries;
using OperationsCenter.TimeSeries.LineProtocol;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Takes a line protocol body for one department: validates each line, enforces the <c>department</c> tag and known
/// field types, writes the accepted lines to the spool (series key canonical, field set as sent, timestamp in
/// nanoseconds), and once they are durable hands them to live state. Invalid lines, and lines past a limit of
/// <see cref="IngestLimitsOptions"/>, are reported and skipped; the others are kept (InfluxDB's partial write).
/// </summary>
internal sealed class LineIngestor(
    SeriesBatcher batcher, FieldTypeRegistry fieldTypes, Spool spool, LiveStateClock clock, IOptions<IngestOptions> options,
    CenterMetrics metrics, SpoolTraceLinks traceLinks, Departments.DepartmentFeedLog feedLog)
{
    private static readonly byte[] DepartmentTag = "department"u8.ToArray();
    private readonly IngestLimitsOptions _limits = options.Value.Limits;
    private readonly LineLimits _lineLimits = options.Value.Limits.ToLineLimits();

    /// <summary>
    /// Ingests <paramref name="body"/> for <paramref name="department"/>. Throws <see cref="SpoolFullException"/>
    /// when the accepted lines cannot be made durable; then nothing of the body was taken. A body of more lines than
    /// <see cref="IngestLimitsOptions.MaxLinesPerRequest"/> is not read at all (<see cref="IngestResult.TooManyLines"/>).
    /// Every way in (HTTP, MQTT) comes through here, so the points are counted here: <paramref name="dialect"/> is the
    /// <c>dialect</c> tag of <c>oc.ingest.points.*</c> (<see cref="IngestDialectTag"/>: line, json, mqtt).
    /// </summary>
    public async Task<IngestResult> IngestAsync(ReadOnlyMemory<byte> body, Precision precision, string department, string dialect = IngestDialectTag.Line)
    {
        if (HasTooManyLines(body.Span, precision))
        {
            return IngestResult.OverLineLimit;
        }

        var refusals = new RefusalTally();
        using var prepared = PrepareTraced(body.Span, precision, department, ref refusals);
        refusals.Count(metrics, department, dialect);
        return await StoreAsync(prepared, department, dialect);
    }

    /// <summary>
    /// Ingests points converted from another shape (the JSON feed, reports): prepared straight from the points, with
    /// the same checks and the same canonical lines as a body of line protocol, without writing and reading it as
    /// text. A problem's <see cref="LineProblem.Line"/> is the point's position in <paramref name="points"/>, from 1.
    /// </summary>
    public async Task<IngestResult> IngestAsync(IReadOnlyList<LinePoint> points, string department, string dialect)
    {
        if (points.Count > _limits.MaxLinesPerRequest)
        {
            return IngestResult.OverLineLimit;
        }

        var refusals = new RefusalTally();
        using var prepared = PreparePoints(points, department, ref refusals);
        refusals.Count(metrics, department, dialect);
        return await StoreAsync(prepared, department, dialect);
    }

    /// <summary>Makes the accepted points durable, then hands them to live state; records what the department sent.</summary>
    private async Task<IngestResult> StoreAsync(PreparedBody prepared, string department, string dialect)
    {
        if (prepared.Points > 0)
        {
            using (var append = CenterActivity.Source.StartActivity("spool.append"))
            {
                append?.SetTag("oc.points", prepared.Points);
                append?.SetTag("oc.bytes", prepared.Canonical.WrittenCount);
                long end;
                try
                {
                    end = await spool.AppendAsync(prepared.Canonical.WrittenMemory, prepared.Points);
                }
                catch (SpoolFullException)
                {
                    append?.SetStatus(ActivityStatusCode.Error, "spool full");
                    metrics.Refused(department, dialect, RefusalReasons.SpoolFull, prepared.Points);
                    throw;
                }

                if (append is { Recorded: true })
                {
                    traceLinks.Appended(end, append.Context);
                }
            }

            metrics.Accepted(department, dialect, prepared.Points);
            batcher.Merge(prepared.Canonical.WrittenSpan, prepared.Live, department, prepared.ReceivedAt);
        }

        // After the spool took the points: what the department's page lists as received and refused.
        feedLog.Record(department, dialect, prepared.Points, prepared.Problems);
        return new IngestResult(prepared.Points, prepared.Problems);
    }

    private PreparedBody PrepareTraced(ReadOnlySpan<byte> body, Precision precision, string department, ref RefusalTally refusals)
    {
        using var activity = CenterActivity.Source.StartActivity("ingest.prepare");
        activity?.SetTag("oc.department", department);
        var prepared = Prepare(body, precision, department, ref refusals);
        activity?.SetTag("oc.points.accepted", prepared.Points);
        activity?.SetTag("oc.points.refused", prepared.Problems.Count);
        return prepared;
    }

    private PreparedBody Prepare(ReadOnlySpan<byte> body, Precision precision, string department, ref RefusalTally refusals)
    {
        var receivedAt = clock.UtcNow;

        // A line without a timestamp gets the receive time, truncated to the request's precision as InfluxDB does.
        var unit = PrecisionNames.NanosecondsPerUnit(precision);
        var receivedNanos = UnixNanos.From(receivedAt) / unit * unit;
        var departmentBytes = Encoding.UTF8.GetBytes(department);
        var canonical = new PooledBufferWriter(body.Length + (body.Length / 4) + 64);
        var live = new LivePoints();
        List<LineProblem>? problems = null;
        var accepted = 0;
        var window = TimeWindow(receivedNanos);

        // One vectorized pass over the body; only a body that fails it has its lines searched for the bad byte.
        var utf8 = System.Text.Unicode.Utf8.IsValid(body);
        var fieldTypesSeen = new FieldTypeMemo(fieldTypes);
        var reader = new LineProtocolReader(body, precision, new LineProtocolScratch(), _lineLimits);
        while (reader.Read())
        {
            if (Refusal(ref reader, departmentBytes, department, window, precision, utf8, fieldTypesSeen, out var reason) is { } problem)
            {
                // The line itself, for the department's page (a few hundred bytes are enough to recognise it).
                var raw = reader.RawLine;
                (problems ??= []).Add(problem with { Text = Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 600)]) });
                refusals.Add(reason);
                continue;
            }

            // The canonical line for the spool, and in the same pass what live state takes of it.
            var keyStart = canonical.WrittenCount;
            SeriesKeys.Write(canonical, ref reader, departmentBytes);
            var timestamp = reader.Timestamp ?? receivedNanos;
            live.BeginPoint(keyStart, canonical.WrittenCount - keyStart, timestamp);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.TryGetFieldNumber(i, out var value))
                {
                    live.AddValue(reader.FieldKey(i), value);
                }
            }

            canonical.Write(" "u8);
            canonical.Write(reader.RawFieldSet);
            LineProtocolWriter.WriteTimestamp(canonical, timestamp);
            accepted++;
        }

        return new PreparedBody(canonical, live, accepted, problems ?? (IReadOnlyList<LineProblem>)[], receivedAt);
    }

    private PreparedBody PreparePoints(IReadOnlyList<LinePoint> points, string department, ref RefusalTally refusals)
    {
        var receivedAt = clock.UtcNow;
        var receivedNanos = UnixNanos.From(receivedAt);
        var canonical = new PooledBufferWriter((points.Count * 96) + 64);
        var live = new LivePoints();
        var line = new ArrayBufferWriter<byte>(256);
        List<LineProblem>? problems = null;
        var accepted = 0;
        var window = TimeWindow(receivedNanos);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var timestamp = point.Timestamp ?? receivedNanos;
            line.ResetWrittenCount();
            int keyLength;
            try
            {
                // The department tag is the key's, as on every line: added when absent (a foreign one is refused below).
                keyLength = LineProtocolWriter.Write(line, point with { Tags = WithDepartment(point.Tags, department), Timestamp = timestamp });
            }
            catch (ArgumentException ex)
            {
                (problems ??= []).Add(new LineProblem(i + 1, ex.Message, false) { Text = Clip(point.ToString()) });
                refusals.Add(RefusalReason.Invalid);
                continue;
            }

            if (_lineLimits.Violation(point, keyLength) is { } limit)
            {
                (problems ??= []).Add(new LineProblem(i + 1, limit, false) { Text = Clip(Encoding.UTF8.GetString(line.WrittenSpan[..^1])) });
                refusals.Add(RefusalReason.Invalid);
                continue;
            }

            if (PointRefusal(point, i + 1, department, window, out var reason) is { } problem)
            {
                (problems ??= []).Add(problem with { Text = Clip(Encoding.UTF8.GetString(line.WrittenSpan[..^1])) });
                refusals.Add(reason);
                continue;
            }

            var keyStart = canonical.WrittenCount;
            canonical.Write(line.WrittenSpan);
            live.BeginPoint(keyStart, keyLength, timestamp);
            foreach (var (field, value) in point.Fields)
            {
                if (value.Kind != FieldKind.String && value.TryGetNumber(out var number))
                {
                    live.AddValue(Encoding.UTF8.GetBytes(field), number);
                }
            }

            accepted++;
        }

        return new PreparedBody(canonical, live, accepted, problems ?? (IReadOnlyList<LineProblem>)[], receivedAt);
    }

    /// <summary>
    /// True when the body holds more lines than allowed. Counting line breaks (vectorized) settles almost every body;
    /// only a body with more physical lines than the limit is read to count its points (blank lines and comments are free).
    /// </summary>
    private bool HasTooManyLines(ReadOnlySpan<byte> body, Precision precision)
    {
        var max = _limits.MaxLinesPerRequest;
        if ((long)body.Count((byte)'\n') + 1 <= max)
        {
            return false;
        }

        var lines = 0;
        var reader = new LineProtocolReader(body, precision, new LineProtocolScratch(), _lineLimits);
        while (reader.Read())
        {
            if (++lines > max)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The earliest and latest timestamps accepted for a request received at <paramref name="receivedNanos"/>.</summary>
    private (long Earliest, long Latest) TimeWindow(long receivedNanos)
    {
        // Saturating, so a window of years (or TimeSpan.MaxValue) means "no limit" instead of overflowing.
        static long Shift(long nanos, TimeSpan by)
        {
            var delta = by.Ticks > long.MaxValue / 100 ? long.MaxValue : by.Ticks < long.MinValue / 100 ? long.MinValue : by.Ticks * 100;
            var sum = unchecked(nanos + delta);
            return delta > 0 && sum < nanos ? long.MaxValue : delta < 0 && sum > nanos ? long.MinValue : sum;
        }

        return (_limits.MaxPastTime is { } past ? Shift(receivedNanos, -past) : long.MinValue, Shift(receivedNanos, _limits.MaxFutureTime));
    }

    /// <summary>Why a line is refused, or null when it is accepted.</summary>
    private LineProblem? Refusal(
        ref LineProtocolReader reader, byte[] departmentBytes, string department, (long Earliest, long Latest) window, Precision precision, bool utf8,
        FieldTypeMemo fieldTypesSeen, out RefusalReason reason)
    {
        reason = RefusalReason.Invalid;
        if (!reader.IsValid)
        {
            return new LineProblem(reader.LineNumber, reader.Error ?? "invalid line", false);
        }

        if (!utf8 && FirstInvalidUtf8(reader.RawLine) is var invalid and >= 0)
        {
            // Refused rather than stored raw in InfluxDB while live state shows U+FFFD: the two would hold different series.
            return new LineProblem(reader.LineNumber, string.Create(CultureInfo.InvariantCulture,
                $"byte {invalid + 1} of the line (0x{reader.RawLine[invalid]:X2}) is not valid UTF-8: send names, tag values and strings as UTF-8"), false);
        }

        if (ReservedMeasurements.IsReserved(reader.Measurement))
        {
            reason = RefusalReason.ReservedMeasurement;
            return Reserved(reader.LineNumber, Encoding.UTF8.GetString(reader.Measurement));
        }

        if (ForeignDepartment(ref reader, departmentBytes) is { } other)
        {
            reason = RefusalReason.ForeignDepartment;
            return Foreign(reader.LineNumber, other, department);
        }

        // Before the field types: a refused line must not decide a field's type.
        if (reader.Timestamp is { } time && (time > window.Latest || time < window.Earliest))
        {
            reason = RefusalReason.TimeWindow;
            return new LineProblem(reader.LineNumber, OutsideWindow(time, window, precision), false);
        }

        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (fieldTypesSeen.Conflict(reader.Measurement, i, reader.FieldKey(i), reader.FieldKindAt(i)) is { } known)
            {
                reason = RefusalReason.FieldType;
                return TypeConflict(reader.LineNumber, Encoding.UTF8.GetString(reader.FieldKey(i)), Encoding.UTF8.GetString(reader.Measurement), reader.FieldKindAt(i), known);
            }
        }

        return null;
    }

    /// <summary>Why a converted point is refused, or null when it is accepted: the checks of <see cref="Refusal"/>, in its order.</summary>
    private LineProblem? PointRefusal(LinePoint point, int number, string department, (long Earliest, long Latest) window, out RefusalReason reason)
    {
        var measurement = Encoding.UTF8.GetBytes(point.Measurement);
        if (ReservedMeasurements.IsReserved(measurement))
        {
            reason = RefusalReason.ReservedMeasurement;
            return Reserved(number, point.Measurement);
        }

        if (point.Tags.FirstOrDefault(t => t.Key == SeriesName.DepartmentTag).Value is { } other && other != department)
        {
            reason = RefusalReason.ForeignDepartment;
            return Foreign(number, other, department);
        }

        if (point.Timestamp is { } time && (time > window.Latest || time < window.Earliest))
        {
            reason = RefusalReason.TimeWindow;
            return new LineProblem(number, OutsideWindow(time, window, precision: null), false);
        }

        foreach (var (field, value) in point.Fields)
        {
            if (fieldTypes.Conflict(measurement, Encoding.UTF8.GetBytes(field), value.Kind) is { } known)
            {
                reason = RefusalReason.FieldType;
                return TypeConflict(number, field, point.Measurement, value.Kind, known);
            }
        }

        reason = RefusalReason.Invalid;
        return null;
    }

    private static LineProblem Reserved(int line, string measurement) => new(line,
        $"measurement \"{measurement}\" is reserved for the center's own records " +
        $"({string.Join(", ", ReservedMeasurements.All)}); send these points under another measurement name", false);

    private static LineProblem Foreign(int line, string other, string department) => new(line,
        $"tag department=\"{other}\" is not this key's department \"{department}\"; " +
        "omit the department tag (the center sets it) or write with that department's own key", true);

    private static LineProblem TypeConflict(int line, string field, string measurement, FieldKind sent, FieldKind known) => new(line,
        $"partial write: field type conflict: input field \"{field}\" on measurement \"{measurement}\" is type {FieldTypeRegistry.InfluxName(sent)}, " +
        $"already exists as type {FieldTypeRegistry.InfluxName(known)}; send it as {HowToSend(known)}", false);

    /// <summary>The tags with the department's own, as every stored line carries it.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> WithDepartment(IReadOnlyList<KeyValuePair<string, string>> tags, string department) =>
        tags.Any(t => t.Key == SeriesName.DepartmentTag) ? tags : [.. tags, new(SeriesName.DepartmentTag, department)];

    /// <summary>The start of a refused point as text, for the department's page (a few hundred characters are enough to recognise it).</summary>
    private static string Clip(string text) => text.Length <= 600 ? text : text[..600];

    private string OutsideWindow(long time, (long Earliest, long Latest) window, Precision? precision)
    {
        var future = time > window.Latest;
        var at = DateTimeOffset.UnixEpoch.AddTicks(time / 100);
        var limit = future ? _limits.MaxFutureTime : _limits.MaxPastTime!.Value;
        var name = future ? "MaxFutureTime" : "MaxPastTime";
        var check = precision is { } unit
            ? $"check the sender's clock, and that the precision parameter ({unit.ToString().ToLowerInvariant()} in this request) matches the unit of the timestamps"
            : "check the sender's clock and the times' offsets";
        return string.Create(CultureInfo.InvariantCulture,
            $"timestamp {at:yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'} is more than {limit:c} {(future ? "ahead of" : "behind")} the center's clock " +
            $"(limit OperationsCenter:Ingest:Limits:{name}); {check}");
    }

    /// <summary>How a value of a field type is written, for the fix in a conflict's message.</summary>
    private static string HowToSend(FieldKind kind) => kind switch
    {
        FieldKind.Integer => "an integer: 12i in line protocol, 12 (no decimal point) in a JSON feed",
        FieldKind.UInteger => "an unsigned integer: 12u in line protocol",
        FieldKind.Float => "a float: 12.5 or 12 in line protocol, any number in a JSON feed",
        FieldKind.Boolean => "a boolean: true or false",
        _ => "a string: \"text\" in double quotes in line protocol, a JSON string in a feed",
    };

    /// <summary>Where the first byte that is not UTF-8 is, or -1 when the text is valid UTF-8.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        for (var at = 0; at < text.Length;)
        {
            if (Rune.DecodeFromUtf8(text[at..], out _, out var consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return -1;
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

    private enum RefusalReason
    {
        Invalid,
        ReservedMeasurement,
        ForeignDepartment,
        TimeWindow,
        FieldType,
    }

    /// <summary>One request's refused lines by reason, counted once at the end rather than one instrument call a line.</summary>
    private struct RefusalTally
    {
        private static readonly string[] Tags =
            [RefusalReasons.Invalid, RefusalReasons.ReservedMeasurement, RefusalReasons.ForeignDepartment, RefusalReasons.TimeWindow, RefusalReasons.FieldType];

        private int _invalid;
        private int _reserved;
        private int _foreign;
        private int _time;
        private int _fieldType;

        public void Add(RefusalReason reason)
        {
            switch (reason)
            {
                case RefusalReason.ReservedMeasurement: _reserved++; break;
                case RefusalReason.ForeignDepartment: _foreign++; break;
                case RefusalReason.TimeWindow: _time++; break;
                case RefusalReason.FieldType: _fieldType++; break;
                default: _invalid++; break;
            }
        }

        public readonly void Count(CenterMetrics metrics, string department, string dialect)
        {
            ReadOnlySpan<int> counts = [_invalid, _reserved, _foreign, _time, _fieldType];
            for (var i = 0; i < counts.Length; i++)
            {
                metrics.Refused(department, dialect, Tags[i], counts[i]);
            }
        }
    }
}
