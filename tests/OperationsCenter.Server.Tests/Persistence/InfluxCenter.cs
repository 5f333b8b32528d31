using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;

namespace OperationsCenter.Server.Tests.Persistence;

/// <summary>A real influxd and a center writing to it.</summary>
internal static class InfluxCenter
{
    public const string Database = "oc_test";

    /// <summary>Settings that point a center at <paramref name="influx"/>.</summary>
    public static Dictionary<string, string?> Settings(InfluxProcess influx, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OperationsCenter:Influx:Url"] = influx.Url.ToString(),
            ["OperationsCenter:Influx:Database"] = Database,
            ["OperationsCenter:Drain:Linger"] = "00:00:00.010",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Polls the point count of a measurement until it reaches <paramref name="expected"/>.</summary>
    public static async Task AwaitCountAsync(InfluxProcess influx, string measurement, long expected, TimeSpan? timeout = null, string field = "value")
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        long count = 0;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                count = await influx.CountAsync(Database, measurement, field);
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // The database may not exist until the first batch is shipped.
            }

            if (count == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"expected {expected} points of {measurement} in InfluxDB, found {count}");
    }
}
