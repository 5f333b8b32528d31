using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>Classifying servers by <c>/ping</c>'s <c>X-Influxdb-Version</c>.</summary>
public sealed class ServerInfoTests
{
    [Theory]
    [InlineData("1.6.7~rc0", InfluxMajorVersion.V1)]
    [InlineData("1.8.10", InfluxMajorVersion.V1)]
    [InlineData("v2.7.4", InfluxMajorVersion.V2)]
    [InlineData("2.7.1", InfluxMajorVersion.V2)]
    [InlineData("3.0.1", InfluxMajorVersion.V3)]
    [InlineData("v3", InfluxMajorVersion.V3)]
    [InlineData(" V3.1.0-core ", InfluxMajorVersion.V3)]
    public void Recognises_the_major_version(string header, InfluxMajorVersion expected)
    {
        var info = InfluxServerInfo.FromHeaders(header, "OSS");

        Assert.Equal(expected, info.Version);
        Assert.Equal(header.Trim(), info.VersionHeader);
        Assert.Contains(header.Trim(), info.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "sent no X-Influxdb-Version header")]
    [InlineData("", "sent no X-Influxdb-Version header")]
    [InlineData("unknown", "unrecognised X-Influxdb-Version \"unknown\"")]
    [InlineData("9.0", "unrecognised X-Influxdb-Version \"9.0\"")]
    public void Assumes_1x_and_says_why_when_the_header_is_absent_or_unknown(string? header, string reason)
    {
        var info = InfluxServerInfo.FromHeaders(header, null);

        Assert.Equal(InfluxMajorVersion.V1, info.Version);
        Assert.Contains(reason, info.Description, StringComparison.Ordinal);
        Assert.Contains("assuming InfluxDB 1.x", info.Description, StringComparison.Ordinal);
    }
}
