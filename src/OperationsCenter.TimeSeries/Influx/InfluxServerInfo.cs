namespace OperationsCenter.TimeSeries.Influx;

/// <summary>What <c>/ping</c> told about an InfluxDB server.</summary>
/// <param name="Version">The generation the center will treat it as.</param>
/// <param name="VersionHeader">The <c>X-Influxdb-Version</c> header as sent (e.g. <c>1.6.7~rc0</c>, <c>v2.7.4</c>), or null.</param>
/// <param name="Build">The <c>X-Influxdb-Build</c> header (e.g. <c>OSS</c>), or null.</param>
/// <param name="Description">One log-able sentence: what was detected, or why 1.x was assumed.</param>
public sealed record InfluxServerInfo(InfluxMajorVersion Version, string? VersionHeader, string? Build, string Description)
{
    /// <summary>Classifies a server by its <c>/ping</c> headers.</summary>
    /// <param name="versionHeader"><c>X-Influxdb-Version</c>: <c>1.x…</c> → 1.x, <c>2.x</c>/<c>v2.x</c> → 2.x, <c>3.x</c>/<c>v3…</c> → 3.x.</param>
    /// <param name="build"><c>X-Influxdb-Build</c>, reported as is.</param>
    /// <returns>The classification; 1.x, with the reason, when the header is absent or not understood.</returns>
    public static InfluxServerInfo FromHeaders(string? versionHeader, string? build)
    {
        var shownBuild = string.IsNullOrEmpty(build) ? "" : $" ({build})";
        if (string.IsNullOrWhiteSpace(versionHeader))
        {
            return new(InfluxMajorVersion.V1, null, build,
                $"InfluxDB{shownBuild} sent no X-Influxdb-Version header on /ping; assuming InfluxDB 1.x and writing to /write.");
        }

        var text = versionHeader.Trim();
        var digits = text.AsSpan(text[0] is 'v' or 'V' ? 1 : 0);
        var end = 0;
        while (end < digits.Length && char.IsAsciiDigit(digits[end]))
        {
            end++;
        }

        int? major = end > 0 && int.TryParse(digits[..end], out var m) ? m : null;
        return major switch
        {
            1 => new(InfluxMajorVersion.V1, text, build, $"InfluxDB {text}{shownBuild}: writing to /write (1.x API)."),
            2 => new(InfluxMajorVersion.V2, text, build, $"InfluxDB {text}{shownBuild}: writing to /api/v2/write (2.x API)."),
            3 => new(InfluxMajorVersion.V3, text, build, $"InfluxDB {text}{shownBuild}: writing to /api/v2/write (3.x compatibility API)."),
            _ => new(InfluxMajorVersion.V1, text, build,
                $"InfluxDB{shownBuild} reported an unrecognised X-Influxdb-Version \"{text}\" on /ping; assuming InfluxDB 1.x and writing to /write."),
        };
    }
}
