namespace OperationsCenter.TimeSeries.LineProtocol;

/// <summary>
/// The reasons a line is rejected. The wording follows InfluxDB 1.x/2.x (<c>models/points.go</c>) so that clients
/// and people who know InfluxDB recognise them; where InfluxDB's text is Go-specific or unclear the reason says more.
/// </summary>
internal static class LineErrors
{
    /// <summary>The largest key InfluxDB accepts (measurement plus tags, and with each field key).</summary>
    public const int MaxKeyLength = 65535;

    public const string MissingMeasurement = "missing measurement";
    public const string MissingFields = "missing fields";
    public const string MissingTagKey = "missing tag key";
    public const string MissingTagValue = "missing tag value";
    public const string InvalidTagFormat = "invalid tag format";
    public const string DuplicateTags = "duplicate tags";
    public const string MissingFieldKey = "missing field key";
    public const string MissingFieldValue = "missing field value";
    public const string InvalidFieldFormat = "invalid field format";
    public const string UnbalancedQuotes = "unbalanced quotes";
    public const string InvalidNumber = "invalid number";
    public const string InvalidBoolean = "invalid boolean";
    public const string NaN = "invalid number: NaN is not supported";
    public const string Infinity = "invalid number: infinity is not supported";
    public const string FloatOutOfRange = "invalid float: value out of range";
    public const string BadTimestamp = "bad timestamp";
    public const string TimeOutOfRange = "time outside range -9223372036854775806 - 9223372036854775806";
    public const string TrailingGarbage = "point is invalid: unexpected text after the timestamp";

    /// <summary>Added to a format error: the escape rule, which an unescaped space or comma usually broke.</summary>
    public const string EscapeHint =
        ": a space, comma or '=' inside a measurement, tag key, tag value or field key must be escaped with a backslash (e.g. site=Lai\\ Châu)";

    /// <summary>A value's reason, with the field and the value it was given, and how values are written.</summary>
    public static string WithField(string reason, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var shown = value.Length > 40 ? System.Text.Encoding.UTF8.GetString(value[..40]) + "…" : System.Text.Encoding.UTF8.GetString(value);
        return $"{reason}: field \"{System.Text.Encoding.UTF8.GetString(key)}\" = {shown}; " +
               "write a number (12, -1.5, 1e3), an integer (12i), true or false, or a \"quoted string\"";
    }

    /// <summary>
    /// Added to a timestamp out of range: the unit its digits look like, when the request's precision is coarser
    /// (milliseconds sent with <c>precision=s</c> is the usual cause).
    /// </summary>
    public static string UnitHint(ulong magnitude, long nanosPerUnit)
    {
        var digits = magnitude == 0 ? 1 : (int)Math.Floor(Math.Log10(magnitude)) + 1;
        var (unit, precision) = digits switch
        {
            <= 11 => ("seconds", "s"),
            <= 14 => ("milliseconds", "ms"),
            <= 17 => ("microseconds", "u"),
            _ => ("nanoseconds", "n"),
        };
        return PrecisionNames.NanosecondsPerUnit(PrecisionOf(precision)) < nanosPerUnit
            ? $"; {magnitude} looks like {unit} since 1970: send it with precision={precision}"
            : "";
    }

    private static Precision PrecisionOf(string name) => name switch
    {
        "s" => Precision.Seconds,
        "ms" => Precision.Milliseconds,
        "u" => Precision.Microseconds,
        _ => Precision.Nanoseconds,
    };

    public static string IntegerOutOfRange(ReadOnlySpan<byte> digits) =>
        $"unable to parse integer {System.Text.Encoding.UTF8.GetString(digits)}: value out of range";

    public static string UnsignedOutOfRange(ReadOnlySpan<byte> digits) =>
        $"unable to parse unsigned {System.Text.Encoding.UTF8.GetString(digits)}: value out of range";

    public static string ReservedTagKey(ReadOnlySpan<byte> key) =>
        $"cannot use reserved tag key \"{System.Text.Encoding.UTF8.GetString(key)}\"";

    public static string ReservedFieldKey(ReadOnlySpan<byte> key) =>
        $"cannot use reserved field key \"{System.Text.Encoding.UTF8.GetString(key)}\"";

    public static string MaxKeyLengthExceeded(int length) =>
        $"max key length exceeded: {length} > {MaxKeyLength}";

    public static string TooManyTags(int max) =>
        $"too many tags: more than {max} on one point (limit MaxTagsPerPoint); send fewer tags, or send values that are not dimensions as fields";

    public static string TooManyFields(int max) =>
        $"too many fields: more than {max} on one point (limit MaxFieldsPerPoint); split the fields over several points or measurements";

    public static string MeasurementTooLong(int length, int max) =>
        $"measurement is {length} bytes, over the limit of {max} (MaxMeasurementBytes); use a shorter measurement name";

    public static string TagKeyTooLong(int length, int max) =>
        $"a tag key is {length} bytes, over the limit of {max} (MaxTagKeyBytes); use shorter tag keys";

    public static string TagValueTooLong(ReadOnlySpan<byte> key, int length, int max) =>
        $"value of tag \"{System.Text.Encoding.UTF8.GetString(key)}\" is {length} bytes, over the limit of {max} (MaxTagValueBytes); " +
        "use shorter tag values (long text belongs in a string field)";

    public static string FieldKeyTooLong(int length, int max) =>
        $"a field key is {length} bytes, over the limit of {max} (MaxFieldKeyBytes); use shorter field keys";

    public static string StringFieldTooLong(ReadOnlySpan<byte> key, int length, int max) =>
        $"string field \"{System.Text.Encoding.UTF8.GetString(key)}\" is {length} bytes, over the limit of {max} (MaxStringFieldBytes); " +
        "shorten the text or store it elsewhere and send a reference";

    public static string SeriesKeyTooLong(int length, int max) =>
        $"series key (measurement and tags as sent) is {length} bytes, over the limit of {max} (MaxSeriesKeyBytes); use fewer or shorter tags";

    /// <summary>True for <c>time</c>, <c>_field</c> and <c>_measurement</c>, which InfluxDB reserves.</summary>
    public static bool IsReservedKey(ReadOnlySpan<byte> key) => key.Length switch
    {
        4 => key.SequenceEqual("time"u8),
        6 => key.SequenceEqual("_field"u8),
        12 => key.SequenceEqual("_measurement"u8),
        _ => false,
    };
}
