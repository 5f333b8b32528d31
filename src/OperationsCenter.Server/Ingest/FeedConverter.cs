using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OperationsCenter.TimeSeries.LineProtocol;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Converts the native JSON feed into points, which <see cref="LineIngestor"/> prepares by every rule of the line
/// protocol path (without making them text first).
/// Body: <c>{"points": [{"measurement", "tags": {..}, "fields": {..}, "time"}]}</c> or the bare array.
/// A JSON number is a float field, except an integer literal (no <c>.</c>, no exponent) for a field already known as
/// integer (from earlier writes, or InfluxDB's own types): a field must keep one type, and JSON cannot say which
/// 5 means. <c>time</c> is an ISO 8601 string with an explicit offset, or omitted for the receive time.
/// </summary>
internal static partial class FeedConverter
{
    private const string Shape = "expected {\"points\": [{\"measurement\": \"...\", \"tags\": {...}, \"fields\": {...}, \"time\": \"2025-08-01T10:00:00+07:00\"}]}";

    /// <summary>
    /// Converts a UTF-8 JSON body, which must stay unchanged until this returns; <paramref name="fieldTypes"/> says
    /// which fields are known as integers.
    /// </summary>
    public static FeedConversion Convert(ReadOnlyMemory<byte> json, FieldTypeRegistry fieldTypes)
    {
        JsonDocument document;
        try
        {
            // Parsed in place, not from a copy: an ingest request in flight holds the body already (see IngestConcurrencyOptions).
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return Fatal($"body is not valid JSON ({JsonProblem(ex)}); {Shape}");
        }

        using (document)
        {
            var points = document.RootElement;
            if (points.ValueKind == JsonValueKind.Object && points.TryGetProperty("points", out var inner))
            {
                points = inner;
            }

            if (points.ValueKind != JsonValueKind.Array)
            {
                return Fatal($"no points array; {Shape}");
            }

            var converted = new List<LinePoint>();
            var indexOfLine = new List<int>();
            var problems = new List<LineProblem>();
            var index = 0;
            foreach (var element in points.EnumerateArray())
            {
                // What line protocol cannot carry (a newline in a name, say) is refused by the ingestor, as for any line.
                var (point, error) = ToPoint(element, fieldTypes);
                if (point is not null)
                {
                    converted.Add(point);
                    indexOfLine.Add(index);
                }
                else
                {
                    problems.Add(new LineProblem(index, error!, false));
                }

                index++;
            }

            return new FeedConversion(converted, indexOfLine, problems, null);
        }
    }

    /// <summary>Writes one point into <paramref name="line"/>; the writer refuses what line protocol cannot carry.</summary>
    internal static bool TryWrite(LinePoint point, ArrayBufferWriter<byte> line, out string? error)
    {
        line.ResetWrittenCount();
        try
        {
            LineProtocolWriter.Write(line, point);
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static FeedConversion Fatal(string message) => new([], [], [], message);

    /// <summary>
    /// .NET's message without its advice about reader options (meant for programmers, not for the department's staff),
    /// with the line and byte where the JSON went wrong.
    /// </summary>
    private static string JsonProblem(JsonException ex)
    {
        var message = ex.Message;
        var advice = message.IndexOf(" Change the reader options", StringComparison.Ordinal);
        if (advice < 0)
        {
            advice = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        message = (advice >= 0 ? message[..advice] : message).TrimEnd();
        return ex.LineNumber is { } line ? $"{message} at line {line + 1}, byte {ex.BytePositionInLine + 1}" : message;
    }

    private static (LinePoint? Point, string? Error) ToPoint(JsonElement element, FieldTypeRegistry fieldTypes)
    {
        try
        {
            return ToPointOrThrow(element, fieldTypes);
        }
        catch (InvalidOperationException)
        {
            // JsonDocument checks structure, not the UTF-8 inside strings: a name or value that is not UTF-8 throws when read.
            return (null, "a name or value is not valid UTF-8: save the file as UTF-8 (Excel: \"CSV UTF-8\"; Notepad: encoding UTF-8)");
        }
    }

    private static (LinePoint? Point, string? Error) ToPointOrThrow(JsonElement element, FieldTypeRegistry fieldTypes)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "each point must be an object with measurement, tags, fields and time");
        }

        if (!element.TryGetProperty("measurement", out var measurement) || measurement.ValueKind != JsonValueKind.String || measurement.GetString() is not { Length: > 0 } name)
        {
            return (null, "measurement is missing or not a non-empty string");
        }

        var tags = new List<KeyValuePair<string, string>>();
        if (element.TryGetProperty("tags", out var tagObject) && tagObject.ValueKind != JsonValueKind.Null)
        {
            if (tagObject.ValueKind != JsonValueKind.Object)
            {
                return (null, "tags must be an object of string values");
            }

            foreach (var tag in tagObject.EnumerateObject())
            {
                if (tag.Value.ValueKind != JsonValueKind.String)
                {
                    return (null, $"tag '{tag.Name}' must be a string");
                }

                tags.Add(new(tag.Name, tag.Value.GetString()!));
            }
        }

        if (!element.TryGetProperty("fields", out var fieldObject) || fieldObject.ValueKind != JsonValueKind.Object)
        {
            return (null, "fields is missing or not an object; a point needs at least one field");
        }

        var fields = new List<KeyValuePair<string, FieldValue>>();
        foreach (var field in fieldObject.EnumerateObject())
        {
            FieldValue? value = field.Value.ValueKind switch
            {
                // TryGetInt64 takes integer literals only ("5", not "5.0" or "5e0"): a fraction stays a float.
                JsonValueKind.Number when field.Value.TryGetInt64(out var integer)
                    && fieldTypes.Known(name, field.Name) == FieldKind.Integer => FieldValue.FromInteger(integer),
                JsonValueKind.Number when field.Value.TryGetDouble(out var d) && double.IsFinite(d) => FieldValue.FromFloat(d),
                JsonValueKind.True => FieldValue.FromBoolean(true),
                JsonValueKind.False => FieldValue.FromBoolean(false),
                JsonValueKind.String => FieldValue.FromString(field.Value.GetString()!),
                _ => null,
            };
            if (value is null)
            {
                return (null, $"field '{field.Name}' must be a finite number, a boolean or a string");
            }

            fields.Add(new(field.Name, value.Value));
        }

        if (fields.Count == 0)
        {
            return (null, "fields is empty; a point needs at least one field");
        }

        long? timestamp = null;
        if (element.TryGetProperty("time", out var time) && time.ValueKind != JsonValueKind.Null)
        {
            if (time.ValueKind != JsonValueKind.String || !TryParseTime(time.GetString()!, out var parsed))
            {
                return (null, $"time '{time}' is not an ISO 8601 time with an offset, e.g. 2025-08-01T10:00:00+07:00 or 2025-08-01T03:00:00Z" +
                    " (without an offset the center cannot know which time zone was meant)");
            }

            timestamp = Grains.UnixNanos.From(parsed);
        }

        return (new LinePoint(name, tags, fields, timestamp), null);
    }

    /// <summary>An ISO 8601 time with an explicit offset (after a <c>T</c> or a space); false for a bare local time.</summary>
    internal static bool TryParseTime(string text, out DateTimeOffset time)
    {
        // An offset is required: a bare local time (with a T or a space, as spreadsheets write it) would be read
        // differently by every server.
        time = default;
        return IsoTimeWithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}(:?\d{2})?)$")]
    private static partial Regex IsoTimeWithOffset();
}
