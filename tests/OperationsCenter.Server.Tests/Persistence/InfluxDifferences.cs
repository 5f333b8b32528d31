namespace OperationsCenter.Server.Tests.Persistence;

/// <summary>
/// Where the center answers line protocol differently from InfluxDB 1.x on purpose: one entry each, the text that
/// names it in the README's "Where the center differs from InfluxDB on purpose", which gives the reason.
/// </summary>
internal static class InfluxDifferences
{
    public const string CrLf = "**CRLF line endings**";
    public const string Department = "**The `department` tag**";
    public const string ReservedKeys = "**`_measurement`, `_field` and `time` as keys**";
    public const string MicrosecondsAsUs = "**`precision=us`**";
    public const string UnknownPrecision = "**An unknown precision**";
    public const string Limits = "**Limits**";
    public const string Unsigned = "**Unsigned integers**";
    public const string Utf8 = "**Invalid UTF-8**";
    public const string Reasons = "**Reasons that would mislead**";

    /// <summary>Every difference.</summary>
    public static IReadOnlyList<string> All { get; } = [CrLf, Department, ReservedKeys, MicrosecondsAsUs, UnknownPrecision, Limits, Unsigned, Utf8, Reasons];
}
