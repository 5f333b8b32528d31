using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Server.Tests.Persistence;
using OperationsCenter.Testing;
using OperationsCenter.Testing.Influx;
using OperationsCenter.TimeSeries.Influx;

namespace OperationsCenter.Server.Tests.Departments;

/// <summary>
/// The center as its own process with its own influxd, for the department page's tests: reports are read back from
/// the page's API (live state) and from InfluxDB, and refused lines across a restart of the process.
/// </summary>
public sealed class DepartmentCenter : IAsyncLifetime
{
    private InfluxProcess? _influx;
    private CenterProcess? _center;

    public CenterProcess Center => _center!;

    public InfluxProcess Influx => _influx!;

    /// <summary>A time the reports may carry: yesterday at 10:00 in the province, with its offset.</summary>
    public static string Yesterday(string format = "yyyy-MM-dd'T'HH:mm:sszzz") =>
        new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date.AddDays(-1).AddHours(10), TimeSpan.FromHours(7))
            .ToString(format, CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        _influx = await InfluxProcess.StartAsync();
        _center = await CenterProcess.StartAsync(InfluxCenter.Settings(_influx));
    }

    /// <summary>Posts a report file to the department page's API, as the page does (the file as the body).</summary>
    public async Task<HttpResponseMessage> PostReportAsync(TestUser user, string department, string path, byte[] file, string contentType = "text/csv")
    {
        using var client = await Center.CreateClientAsync(user);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PostAsync($"/api/v1/departments/{department}/{path}", content);
    }

    /// <summary>The department's page as its staff read it.</summary>
    public async Task<JsonElement> PageAsync(string department, TestUser? user = null)
    {
        using var client = await Center.CreateClientAsync(user ?? TestUsers.Commune);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/departments/{department}");
    }

    /// <summary>The fields (measurement.field = value) InfluxDB holds for points tagged <c>batch=<paramref name="batch"/></c>.</summary>
    public async Task<Dictionary<string, double>> StoredAsync(string batch)
    {
        var stored = new Dictionary<string, double>(StringComparer.Ordinal);
        IReadOnlyList<InfluxSeries> series;
        try
        {
            series = await Influx.Query(InfluxCenter.Database).QueryAsync(
                $"SELECT * FROM /.*/ WHERE \"batch\" = {InfluxQl.StringLiteral(batch)}", CancellationToken.None);
        }
        catch (InfluxQueryException)
        {
            // The database exists once the first batch is shipped.
            return stored;
        }

        foreach (var s in series)
        {
            foreach (var row in s.Values)
            {
                for (var i = 1; i < s.Columns.Count; i++)
                {
                    if (row[i].ValueKind == JsonValueKind.Number)
                    {
                        stored[$"{s.Name}.{s.Columns[i]}"] = row[i].GetDouble();
                    }
                }
            }
        }

        return stored;
    }

    /// <summary>Polls InfluxDB until the batch's fields are exactly <paramref name="expected"/>.</summary>
    public Task<Dictionary<string, double>> AwaitStoredAsync(string batch, IReadOnlyDictionary<string, double> expected) =>
        Await.UntilAsync(() => StoredAsync(batch),
            s => s.Count == expected.Count && expected.All(e => s.TryGetValue(e.Key, out var v) && Math.Abs(v - e.Value) < 1e-9),
            $"InfluxDB to hold exactly {string.Join(", ", expected.Select(e => $"{e.Key}={e.Value}"))} for batch {batch}", TimeSpan.FromSeconds(30));

    public async Task DisposeAsync()
    {
        if (_center is not null)
        {
            await _center.DisposeAsync();
        }

        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }
    }
}
