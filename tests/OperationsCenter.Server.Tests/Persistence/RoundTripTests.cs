using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Persistence;

[Collection(PersistenceCollection.Name)]
public sealed class RoundTripTests(PersistenceFixture fixture)
{
    [Fact]
    public async Task Every_field_type_and_escape_reaches_influxdb_exactly()
    {
        const string body =
            "rt\\ all\\,types,desk=main\\ hall,zone\\=x=a\\,b f=-1.5e-3,big=1.7976931348623157e+308,i=-9223372036854775808i,"
            + "s=\"say \\\"hi\\\" \\\\ bye\",yes=T,no=false 1764126000000000001\n";
        await fixture.Host.WriteLinesAsync("so-noi-vu", body);

        await InfluxCenter.AwaitCountAsync(fixture.Influx, "rt all,types", 1, field: "f");
        var series = await fixture.Influx.Query(InfluxCenter.Database).QueryAsync(
            "SELECT * FROM \"rt all,types\"", CancellationToken.None);
        var row = series.Single().Values.Single();
        var columns = series.Single().Columns;
        object? Value(string column) => row[columns.ToList().IndexOf(column)] switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => null,
        };

        Assert.Equal("1764126000000000001", Value("time"));
        Assert.Equal("main hall", Value("desk"));
        Assert.Equal("a,b", Value("zone=x"));
        Assert.Equal("so-noi-vu", Value("department"));
        Assert.Equal(-1.5e-3, double.Parse((string)Value("f")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(double.MaxValue, double.Parse((string)Value("big")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("-9223372036854775808", Value("i"));
        Assert.Equal("say \"hi\" \\ bye", Value("s"));
        Assert.Equal(true, Value("yes"));
        Assert.Equal(false, Value("no"));
    }

    [Fact]
    public async Task A_line_influxdb_refuses_goes_to_the_dead_letter_file_and_its_batch_still_arrives()
    {
        // InfluxDB already knows dl.other as an integer; the center has not seen it and accepts a float.
        using (var http = new HttpClient())
        {
            using var direct = await http.PostAsync(new Uri(fixture.Influx.Url, $"/write?db={InfluxCenter.Database}"),
                new StringContent("dl,department=so-noi-vu,desk=x other=1i 1000"));
            Assert.Equal(HttpStatusCode.NoContent, direct.StatusCode);
        }

        await fixture.Host.WriteLinesAsync("so-noi-vu", "dl,desk=a value=2i 2000\ndl,desk=x other=1.5 3000\ndl,desk=c value=4i 4000\n");

        await InfluxCenter.AwaitCountAsync(fixture.Influx, "dl", 2);
        var deadLetters = Path.Combine(fixture.Host.DataDirectory, "dead-letter.lp");
        var health = await AwaitHealthAsync(h => h.GetProperty("deadLetters").GetProperty("count").GetInt64() >= 1);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var text = await File.ReadAllTextAsync(deadLetters);
        Assert.Contains("field type conflict", text);
        Assert.Contains("dl,department=so-noi-vu,desk=x other=1.5 3000", text);
    }

    [Fact]
    public async Task A_conflict_the_center_already_knows_is_refused_at_ingest_with_influxdbs_message()
    {
        await fixture.Host.WriteLinesAsync("so-noi-vu", "known,desk=a value=1i");
        using var client = fixture.Host.CreateClient();
        using var response = await IngestClient.PostLinesAsync(client, "so-noi-vu", "known,desk=a value=2.5\nknown,desk=b value=3i");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.Contains("line 1: partial write: field type conflict: input field \"value\" on measurement \"known\" is type float, already exists as type integer", error);
        await InfluxCenter.AwaitCountAsync(fixture.Influx, "known", 2);
    }

    [Fact]
    public async Task History_answers_from_influxdb_per_interval()
    {
        var start = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var lines = string.Concat(Enumerable.Range(0, 12).Select(i =>
            $"hist,desk=main overdue={i}i {(start.AddMinutes(i * 5) - DateTimeOffset.UnixEpoch).Ticks * 100}\n"));
        await fixture.Host.WriteLinesAsync("xa-ban-bo", lines);
        await InfluxCenter.AwaitCountAsync(fixture.Influx, "hist", 12, field: "overdue");

        using var client = await fixture.Host.CreateClientAsync(TestUsers.Operator);
        var url = $"/api/v1/series/history?measurement=hist&field=overdue&department=xa-ban-bo&from={Uri.EscapeDataString(start.ToString("O"))}"
                  + $"&to={Uri.EscapeDataString(start.AddHours(1).ToString("O"))}&every=30m&agg=max";
        var series = await client.GetFromJsonAsync<JsonElement>(url);

        var points = series.EnumerateArray().Single().GetProperty("points").EnumerateArray()
            .Select(p => p.GetProperty("value").GetDouble()).ToList();
        Assert.Equal([5.0, 11.0], points);

        using var bad = await client.GetAsync("/api/v1/series/history?measurement=hist&field=overdue&every=5x");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("30s, 5m, 1h", await bad.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> AwaitHealthAsync(Func<JsonElement, bool> done)
    {
        using var client = fixture.Host.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement health;
        do
        {
            health = await Health.ReadAsync(client);
            if (done(health))
            {
                return health;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"/health never showed what was expected: {health}");
    }
}
