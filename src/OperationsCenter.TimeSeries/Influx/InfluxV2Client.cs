using InfluxDB.Client;
using InfluxDB.Client.Core.Exceptions;

namespace OperationsCenter.TimeSeries.Influx;

/// <summary>Builds InfluxDB.Client instances from our options and translates its exceptions into ours.</summary>
internal static class InfluxV2Client
{
    /// <summary>What 3.x gets as the organization when none is configured: it ignores the value, InfluxDB.Client refuses an empty one.</summary>
    public const string IgnoredOrg = "-";

    /// <summary>The organization to send; 2.x needs one, 3.x ignores it.</summary>
    /// <exception cref="ArgumentException">2.x and <see cref="InfluxOptions.Org"/> is empty.</exception>
    public static string OrgFor(InfluxOptions options, InfluxMajorVersion version)
    {
        if (!string.IsNullOrEmpty(options.Org))
        {
            return options.Org;
        }

        return version == InfluxMajorVersion.V2
            ? throw new ArgumentException("InfluxDB 2.x needs an organization: set OperationsCenter:Influx:Org.", nameof(options))
            : IgnoredOrg;
    }

    public static InfluxDBClient Create(InfluxOptions options, string org)
    {
        var client = new InfluxDBClientOptions(options.Url.ToString())
        {
            Org = org,
            Bucket = options.EffectiveBucket,
            Timeout = options.RequestTimeout,
        };

        if (!string.IsNullOrEmpty(options.Token))
        {
            client.Token = options.Token;
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            // 2.x's session sign-in; rare for a service, but it is what a 1.x-style user means there.
            client.Username = options.Username;
            client.Password = options.Password;
        }

        return new InfluxDBClient(client);
    }

    /// <summary>Our exception for one of InfluxDB.Client's (or for a transport failure under it).</summary>
    /// <param name="e">What the client threw.</param>
    /// <param name="what">What was attempted, for the message.</param>
    /// <param name="dataRefusable">Whether a 400/413/422 means the data itself was refused (writes only).</param>
    public static InfluxWriteException Translate(Exception e, string what, bool dataRefusable)
    {
        if (e is InfluxException influx)
        {
            int? status = influx.Status > 0 ? influx.Status : null;
            var permanent = dataRefusable && status is { } s && InfluxWriteException.IsPermanentStatus(s);
            var shown = status is null ? "no HTTP answer" : $"HTTP {status}{(permanent ? ", permanent" : "")}";
            return new InfluxWriteException($"{what} failed ({shown}): {influx.Message}", permanent, status, status is null ? null : influx.Message, e);
        }

        return new InfluxWriteException($"{what} failed: {e.Message}", false, innerException: e);
    }
}
